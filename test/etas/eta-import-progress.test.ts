import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { EtaImportResponse } from "../../web/contract/api-responses.ts";
import { isoDaysFromToday } from "../helpers/future-date.ts";
import { etaImportCsv, seedManyVariants } from "../helpers/seed-many-variants.ts";
import { startEtaTestShop, type EtaTestShop } from "./eta-test-shop.ts";

const ROWS = 20_000;
type View = EtaImportResponse;

describe("ETA import in the background, with progress by rows", () => {
  let t: EtaTestShop;
  let variantIds: bigint[];
  beforeAll(async () => {
    t = await startEtaTestShop("Eta Import Progress");
    variantIds = await seedManyVariants(t.app.deps.db, t.shopId, ROWS);
  }, 60_000);
  afterAll(() => t?.close());
  beforeEach(async () => {
    await t.app.deps.db.variantEta.deleteMany({ where: { shopId: t.shopId } });
    await t.app.deps.db.etaImport.deleteMany({ where: { shopId: t.shopId } });
  });

  const csvOf = (eta: string, bad?: number) => etaImportCsv(variantIds, eta, bad);
  const start = (csv: string, requestKey = randomUUID()) =>
    t.api(`/etas/imports?requestKey=${requestKey}`, {
      method: "POST",
      headers: { "Content-Type": "text/csv" },
      body: csv,
    });
  /** Polls until the import is no longer running; every answer seen, in order. */
  const follow = async (id: string): Promise<View[]> => {
    const seen: View[] = [];
    for (let i = 0; i < 3_000; i++) {
      const res = await t.api(`/etas/imports/${id}`);
      expect(res.status).toBe(200);
      const view = (await res.json()) as View;
      seen.push(view);
      if (view.status !== "checking" && view.status !== "applying") return seen;
      await new Promise((r) => setTimeout(r, 15));
    }
    throw new Error("the import never finished");
  };

  it("reports rows done rising to the total, then the report, with every row applied", async () => {
    const eta = isoDaysFromToday(30);
    const res = await start(csvOf(eta));
    expect(res.status).toBe(202);
    const first = (await res.json()) as View;
    expect(first).toMatchObject({ status: "checking", rowsDone: 0, report: null });

    const seen = await follow(first.id);
    const done = seen.map((v) => v.rowsDone);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    // The admin saw it part way: some answers between nothing and everything.
    expect(seen.some((v) => v.status === "applying" && v.rowsDone > 0 && v.rowsDone < ROWS)).toBe(true);
    expect(seen.filter((v) => v.rows !== null).every((v) => v.rows === ROWS)).toBe(true);
    const last = seen.at(-1)!;
    expect(last).toMatchObject({ status: "finished", rows: ROWS, rowsDone: ROWS });
    expect(last.report).toMatchObject({ applied: true, rows: ROWS, updated: ROWS, errors: [] });

    const stored = await t.app.deps.db.variantEta.findMany({
      where: { shopId: t.shopId },
      select: { variantId: true, etaDate: true, message: true },
    });
    expect(stored).toHaveLength(ROWS);
    expect(stored.every((r) => r.etaDate?.toISOString().slice(0, 10) === eta)).toBe(true);
    const row = stored.find((r) => r.variantId === variantIds[12_345]);
    expect(row?.message).toBe("Row 12345");
  }, 120_000);

  it("answers a repeat of the same upload with the same import, applied once", async () => {
    const csv = csvOf(isoDaysFromToday(31));
    const key = randomUUID();
    const first = (await (await start(csv, key)).json()) as View;
    await follow(first.id);
    const stamps = await t.app.deps.db.variantEta.aggregate({
      where: { shopId: t.shopId },
      _max: { updatedAt: true },
    });

    const again = await start(csv, key);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ id: first.id, status: "finished", rowsDone: ROWS });
    await new Promise((r) => setTimeout(r, 300));
    expect(
      await t.app.deps.db.variantEta.aggregate({ where: { shopId: t.shopId }, _max: { updatedAt: true } }),
    ).toEqual(stamps);
    expect(await t.app.deps.db.etaImport.count({ where: { shopId: t.shopId } })).toBe(1);

    // The same key with another file is refused rather than taken for the first.
    const other = await start(csvOf(isoDaysFromToday(32)), key);
    expect(other.status).toBe(409);
  }, 120_000);

  it("refuses a second import while one runs, and a file with one bad row applies nothing", async () => {
    // One running, as the import's process keeps its row while it works (a fresh updatedAt). A real
    // upload would do, but a file with a bad row is checked so fast that it may be over before the
    // second request arrives.
    const running = await t.app.deps.db.etaImport.create({
      data: { shopId: t.shopId, requestKey: randomUUID(), contentHash: "x", status: "applying", rows: ROWS },
    });
    const second = await start(csvOf(isoDaysFromToday(34)));
    expect(second.status).toBe(409);
    expect(await second.json()).toMatchObject({ error: "conflict", details: { id: running.id } });
    await t.app.deps.db.etaImport.delete({ where: { id: running.id } });

    const bad = await start(csvOf(isoDaysFromToday(33), 19_000));
    expect(bad.status).toBe(202);
    const last = (await follow(((await bad.json()) as View).id)).at(-1)!;
    expect(last).toMatchObject({ status: "finished", rows: ROWS, rowsDone: 0 });
    expect(last.report).toMatchObject({
      applied: false,
      updated: 0,
      errors: [{ row: 19_002, column: "eta", message: '"soon" is not a date as YYYY-MM-DD' }],
    });
    expect(await t.app.deps.db.variantEta.count({ where: { shopId: t.shopId } })).toBe(0);
  }, 120_000);

  it("reads an import whose process stopped as interrupted, and lets the next one start", async () => {
    const stale = await t.app.deps.db.etaImport.create({
      data: {
        shopId: t.shopId,
        requestKey: randomUUID(),
        contentHash: "x",
        status: "applying",
        rows: ROWS,
        rowsDone: 4_000,
        updatedAt: new Date(Date.now() - 3 * 60_000),
      },
    });
    const res = await t.api(`/etas/imports/${stale.id}`);
    expect(await res.json()).toMatchObject({ status: "interrupted", rowsDone: 0, report: null });
    const next = await start("variant_id,eta\r\n" + `${variantIds[0]},${isoDaysFromToday(35)}\r\n`);
    expect(next.status).toBe(202);
    expect((await follow(((await next.json()) as View).id)).at(-1)).toMatchObject({
      status: "finished",
      rowsDone: 1,
    });
  });

  it("is not found for another shop, and wants a request key", async () => {
    const mine = (await (await start("variant_id,eta\r\n")).json()) as View;
    const other = t.sim.createShop({ name: "Other Shop", ianaTimezone: "UTC" }).domain;
    const asOther = async (path: string) => {
      const token = await t.sim.mintSessionToken({ shop: other });
      return fetch(`${t.app.url}/api${path}`, { headers: { Authorization: `Bearer ${token}` } });
    };
    expect((await asOther("/shop")).status).toBe(200);
    const res = await asOther(`/etas/imports/${mine.id}`);
    expect(res.status).toBe(404);
    expect((await t.api(`/etas/imports/${mine.id}`)).status).toBe(200);

    const keyless = await t.api("/etas/imports", {
      method: "POST",
      headers: { "Content-Type": "text/csv" },
      body: "variant_id,eta\r\n",
    });
    expect(keyless.status).toBe(400);
  });
});

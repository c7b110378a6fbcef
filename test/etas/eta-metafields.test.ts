import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runSyncEtaMetafields, sweepEtaMetafields } from "../../jobs/etas/run-sync-eta-metafields.ts";
import { enqueueEtaMetafieldSync } from "../../web/server/etas/enqueue-eta-jobs.ts";
import { isoDaysFromToday as addDays } from "../helpers/future-date.ts";
import { queuedJobs, startEtaTestShop, type EtaTestShop } from "./eta-test-shop.ts";

const gid = (id: bigint) => `gid://shopify/ProductVariant/${id}`;

describe("ETA metafields on the simulator", () => {
  let t: EtaTestShop;
  let many: bigint[];
  let deny: bigint;
  let namespace: string;
  beforeAll(async () => {
    t = await startEtaTestShop("Eta Metafields");
    namespace = `app--${t.sim.appId}`;
    many = (
      await t.addProduct(
        "Boots",
        Array.from({ length: 30 }, (_, i) => ({
          title: `Size ${i}`,
          sku: `BOOT-${i}`,
          inventoryPolicy: "CONTINUE" as const,
          available: 0,
        })),
      )
    ).variantIds;
    deny = (await t.addProduct("Scarf", [{ title: "Default Title", inventoryPolicy: "DENY", available: 0 }]))
      .variantIds[0]!;
  });
  afterAll(() => t?.close());

  let logStart = 0;
  beforeEach(() => {
    logStart = t.sim.graphqlLog.length;
  });
  const newCalls = () =>
    t.sim.graphqlLog
      .slice(logStart)
      .filter((e) => e.shop === t.domain && e.operationName?.startsWith("EtaMetafields"))
      .map((e) => ({
        op: e.operationName,
        throttled: e.throttled,
        errors: e.errors,
        keys: (e.variables.metafields as { ownerId: string; key: string }[]).map(
          (m) => `${m.ownerId.split("/").pop()}:${m.key}`,
        ),
      }));
  const sync = (now = () => new Date()) => runSyncEtaMetafields({ ...t.app.workerDeps, now }, t.shopId);
  const metafields = (id: bigint) =>
    Object.fromEntries(
      t.sim
        .getMetafields(gid(id))
        .filter((m) => m.namespace === namespace)
        .map((m) => [m.key, `${m.type}:${m.value}`]),
    );

  it("writes the three metafields of 30 variants in batches of at most 25, once", async () => {
    const eta = addDays(30);
    const res = await t.api("/etas/bulk", {
      method: "POST",
      json: { variantIds: many.map(String), eta, message: "Restocking" },
    });
    expect(res.status).toBe(200);
    expect(await queuedJobs(t.app, "shopify", "sync-eta-metafields")).toHaveLength(1);

    expect(await sync()).toMatchObject({ checked: 31, written: 30, failed: [] });
    const calls = newCalls();
    expect(calls.every((c) => c.op === "EtaMetafieldsSet" && c.errors.length === 0)).toBe(true);
    expect(calls.map((c) => c.keys.length)).toEqual([24, 24, 24, 18]);
    // Each variant's three writes travel together, and every variant is written exactly once.
    const written = calls.flatMap((c) => c.keys);
    expect(new Set(written).size).toBe(90);
    expect(metafields(many[7]!)).toEqual({
      eta: `date:${eta}`,
      message: "single_line_text_field:Restocking",
      backordered: "boolean:true",
    });
    // Not managed: "deny" with no ETA of its own gets nothing.
    expect(metafields(deny)).toEqual({});

    logStart = t.sim.graphqlLog.length;
    expect(await sync()).toMatchObject({ written: 0, calls: 0 });
    expect(newCalls()).toEqual([]);
  });

  it("writes only what changed: one date", async () => {
    const eta = addDays(45);
    await t.api(`/etas/${many[3]}`, { method: "PUT", json: { eta } });
    await sync();
    expect(newCalls()).toEqual([
      { op: "EtaMetafieldsSet", throttled: false, errors: [], keys: [`${many[3]}:eta`] },
    ]);
    expect(metafields(many[3]!).eta).toBe(`date:${eta}`);
  });

  it("deletes the date and message when the ETA is cleared and no lead time applies", async () => {
    await t.api(`/etas/${many[4]}`, { method: "PUT", json: { eta: null, message: null } });
    await sync();
    expect(newCalls()).toEqual([
      {
        op: "EtaMetafieldsDelete",
        throttled: false,
        errors: [],
        keys: [`${many[4]}:eta`, `${many[4]}:message`],
      },
    ]);
    expect(metafields(many[4]!)).toEqual({ backordered: "boolean:true" });
  });

  it("removes a date once it is overdue (the sweep's job)", async () => {
    const tomorrow = addDays(1);
    await t.api(`/etas/${many[5]}`, { method: "PUT", json: { eta: tomorrow } });
    await sync();
    expect(metafields(many[5]!).eta).toBe(`date:${tomorrow}`);
    logStart = t.sim.graphqlLog.length;
    await sync(() => new Date(Date.now() + 3 * 86_400_000));
    expect(newCalls()).toEqual([
      { op: "EtaMetafieldsDelete", throttled: false, errors: [], keys: [`${many[5]}:eta`] },
    ]);
    expect(metafields(many[5]!).eta).toBeUndefined();
    // Back to today: the date is in the future again, so it returns; then clear it for the next tests.
    logStart = t.sim.graphqlLog.length;
    await sync();
    expect(newCalls().map((c) => c.keys)).toEqual([[`${many[5]}:eta`]]);
    await t.api(`/etas/${many[5]}`, { method: "PUT", json: { eta: null } });
    await sync();
  });

  it("follows stock: a restocked variant is no longer backordered", async () => {
    await t.app.deps.db.variant.update({
      where: { shopId_variantId: { shopId: t.shopId, variantId: many[6]! } },
      data: { available: 4 },
    });
    const versionBefore = (await t.app.deps.db.shop.findUniqueOrThrow({ where: { id: t.shopId } }))
      .etaVersion;
    await enqueueEtaMetafieldSync(t.app.deps, t.shopId);
    expect((await t.app.deps.db.shop.findUniqueOrThrow({ where: { id: t.shopId } })).etaVersion).toBe(
      versionBefore + 1,
    );
    await sync();
    expect(newCalls().map((c) => c.keys)).toEqual([[`${many[6]}:backordered`]]);
    expect(metafields(many[6]!).backordered).toBe("boolean:false");
  });

  it("waits out throttling instead of failing", async () => {
    await t.api(`/etas/${many[8]}`, { method: "PUT", json: { eta: addDays(60) } });
    // A slow refill (10 points/s) so the first call is throttled however slow the machine is.
    t.sim.setBucket(t.domain, { currentlyAvailable: 0, restoreRate: 10 });
    await sync();
    t.sim.setBucket(t.domain, { restoreRate: 100 });
    const calls = newCalls();
    expect(calls[0]?.throttled).toBe(true);
    expect(calls.at(-1)).toMatchObject({ throttled: false, keys: [`${many[8]}:eta`] });
    expect(metafields(many[8]!).eta).toBe(`date:${addDays(60)}`);
  });

  it("writes the other variants of a refused batch and fails the run for the refused one", async () => {
    // A variant the app still has but Shopify no longer does (its products/delete not processed yet).
    const ghost = 9_007_199_254_000_001n;
    await t.app.deps.db.variant.create({
      data: { shopId: t.shopId, variantId: ghost, productId: 1n, inventoryPolicy: "CONTINUE", available: 0 },
    });
    const eta = addDays(70);
    await t.api("/etas/bulk", {
      method: "POST",
      json: { variantIds: [String(ghost), String(many[9])], eta },
    });
    await expect(sync()).rejects.toThrow(`eta metafields refused for variants ${ghost}`);
    expect(metafields(many[9]!).eta).toBe(`date:${eta}`);
    // The retry redoes only the refused variant.
    logStart = t.sim.graphqlLog.length;
    await expect(sync()).rejects.toThrow();
    expect(
      newCalls()
        .flatMap((c) => c.keys)
        .every((k) => k.startsWith(`${ghost}:`)),
    ).toBe(true);
    await t.app.deps.db.variant.updateMany({ where: { variantId: ghost }, data: { deletedAt: new Date() } });
    expect(await sync()).toMatchObject({ failed: [] });
  });

  it("the hourly sweep enqueues one sync per installed shop, once per hour", async () => {
    await t.app.deps.queues.get("shopify").drain(true);
    await t.app.deps.db.shop.create({ data: { domain: "gone.myshopify.com", uninstalledAt: new Date() } });
    expect(await sweepEtaMetafields(t.app.workerDeps)).toEqual({ shops: 1 });
    await sweepEtaMetafields(t.app.workerDeps);
    const jobs = await queuedJobs(t.app, "shopify", "sync-eta-metafields");
    expect(jobs.map((j) => j.data)).toEqual([{ shopId: t.shopId }]);
  });
});

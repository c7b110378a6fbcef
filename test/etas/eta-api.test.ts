import type { Job } from "bullmq";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ETA_JOB_HANDLERS } from "../../jobs/etas/eta-jobs.ts";
import { enqueueShopLeadTimeChanged } from "../../web/server/etas/enqueue-eta-jobs.ts";
import { isoDaysFromToday as addDays } from "../helpers/future-date.ts";
import { queuedJobs, startEtaTestShop, type EtaTestShop } from "./eta-test-shop.ts";

describe("ETA management API", () => {
  let t: EtaTestShop;
  let mug: bigint[];
  let cup: { productId: bigint; variantIds: bigint[] };
  beforeAll(async () => {
    t = await startEtaTestShop("Eta Api");
    mug = (
      await t.addProduct("Mug", [
        { title: "Blue", sku: "MUG-BLUE", inventoryPolicy: "CONTINUE", available: -2 },
        { title: "Red", sku: "MUG-RED", inventoryPolicy: "CONTINUE", available: 5 },
      ])
    ).variantIds;
    cup = await t.addProduct('=Cup, "fine"', [
      { title: "Default Title", sku: "CUP", inventoryPolicy: "CONTINUE", available: 0 },
    ]);
    await t.addProduct("Plate", [
      { title: "Default Title", sku: "PLATE", inventoryPolicy: "DENY", available: 3 },
    ]);
  });
  afterAll(() => t?.close());
  beforeEach(async () => {
    await t.app.deps.db.variantEta.deleteMany({});
    await t.app.deps.db.shopSettings.update({
      where: { shopId: t.shopId },
      data: { defaultLeadTimeDays: null },
    });
    await t.app.deps.queues.get("shopify").drain(true);
    await t.app.deps.queues.get("events").drain(true);
  });

  const put = (id: bigint | string, json: unknown) => t.api(`/etas/${id}`, { method: "PUT", json });

  it("sets one ETA, stores it as manual and schedules the sync and the ETA-changed flow", async () => {
    const eta = addDays(20);
    const res = await put(mug[0]!, { eta, message: "  From Lyon " });
    expect(res.status).toBe(200);
    const { variant } = await res.json();
    expect(variant).toMatchObject({
      variantId: mug[0]!.toString(),
      sku: "MUG-BLUE",
      productTitle: "Mug",
      backordered: true,
      explicit: { eta, message: "From Lyon", source: "manual" },
      eta,
      etaSource: "variant",
      shopperEta: eta,
      overdue: false,
    });
    const row = await t.app.deps.db.variantEta.findUniqueOrThrow({
      where: { shopId_variantId: { shopId: t.shopId, variantId: mug[0]! } },
    });
    expect([row.etaDate?.toISOString().slice(0, 10), row.source]).toEqual([eta, "manual"]);
    expect(await queuedJobs(t.app, "shopify", "sync-eta-metafields")).toHaveLength(1);
    const changed = await queuedJobs(t.app, "events", "eta-changed");
    expect(changed.map((j) => j.data)).toEqual([{ shopId: t.shopId, variantIds: [mug[0]!.toString()] }]);
  });

  it("clears an ETA back to the lead time and keeps the message when it is omitted", async () => {
    await put(mug[0]!, { eta: addDays(20), message: "From Lyon" });
    await t.app.deps.db.shopSettings.update({
      where: { shopId: t.shopId },
      data: { defaultLeadTimeDays: 7 },
    });
    const res = await put(mug[0]!, { eta: null });
    const { variant } = await res.json();
    expect(variant).toMatchObject({
      explicit: { eta: null, message: "From Lyon" },
      eta: addDays(7),
      etaSource: "shop",
      message: "From Lyon",
    });
    const cleared = await (await put(mug[0]!, { eta: null, message: null })).json();
    expect(cleared.variant.explicit).toBeNull();
  });

  it("does not start the ETA-changed flow when the resolved ETA stays the same", async () => {
    const eta = addDays(9);
    await put(mug[0]!, { eta });
    await t.app.deps.queues.get("events").drain(true);
    await put(mug[0]!, { eta, message: "only the message" });
    expect(await queuedJobs(t.app, "events", "eta-changed")).toHaveLength(0);
  });

  it.each([
    ["an impossible date", { eta: "2026-02-30" }, "eta"],
    ["a non-ISO date", { eta: "15/12/2026" }, "eta"],
    ["a multi-line message", { eta: null, message: "a\nb" }, "message"],
    ["a too long message", { eta: null, message: "x".repeat(256) }, "message"],
  ])("answers 422 for %s and writes nothing", async (_name, body, field) => {
    const res = await put(mug[0]!, body);
    expect(res.status).toBe(422);
    const json = await res.json();
    expect(json.error).toBe("unprocessable");
    expect(Object.keys(json.details.fieldErrors)).toContain(field);
    expect(await t.app.deps.db.variantEta.count()).toBe(0);
  });

  it("answers 400 for a missing eta (malformed, docs/api-errors.md) and writes nothing", async () => {
    const res = await put(mug[0]!, { message: "x" });
    expect(res.status).toBe(400);
    expect(Object.keys((await res.json()).details.fieldErrors)).toContain("eta");
    expect(await t.app.deps.db.variantEta.count()).toBe(0);
  });

  it("answers 422 for an unknown field, 404 for an unknown variant, 400 for a bad id, 401 without a token", async () => {
    expect((await put(mug[0]!, { eta: null, colour: "red" })).status).toBe(422);
    expect((await put("123456789012345678", { eta: null })).status).toBe(404);
    expect((await t.api("/etas/123456789012345678")).status).toBe(404);
    expect((await put("abc", { eta: null })).status).toBe(400);
    expect((await fetch(`${t.app.url}/api/etas`)).status).toBe(401);
  });

  it("sets many in bulk, all or nothing", async () => {
    const eta = addDays(30);
    const bad = await t.api("/etas/bulk", {
      method: "POST",
      json: { variantIds: [mug[0]!.toString(), "42"], eta },
    });
    expect(bad.status).toBe(422);
    expect(await t.app.deps.db.variantEta.count()).toBe(0);

    const ids = [...mug, cup.variantIds[0]!].map(String);
    const res = await t.api("/etas/bulk", {
      method: "POST",
      json: { variantIds: ids, eta, message: "Spring batch" },
    });
    expect(res.status).toBe(200);
    expect((await res.json()).updated).toBe(3);
    const rows = await t.app.deps.db.variantEta.findMany({ orderBy: { variantId: "asc" } });
    expect(rows.map((r) => [r.variantId.toString(), r.source, r.message])).toEqual(
      ids.map((id) => [id, "bulk", "Spring batch"]).sort(),
    );
  });

  it("lists with paging, search and the overdue / backordered filters", async () => {
    await put(mug[1]!, { eta: addDays(-3) }); // overdue
    const page = await (await t.api("/etas?pageSize=2&page=2")).json();
    expect(page).toMatchObject({ page: 2, pageSize: 2, total: 4 });
    expect(page.variants).toHaveLength(2);
    const all = await (await t.api("/etas?pageSize=50")).json();
    expect(all.variants.map((v: { sku: string }) => v.sku)).toEqual(["CUP", "MUG-BLUE", "MUG-RED", "PLATE"]);

    const search = await (await t.api("/etas?query=mug-r")).json();
    expect(search.variants.map((v: { sku: string }) => v.sku)).toEqual(["MUG-RED"]);
    const overdue = await (await t.api("/etas?filter=overdue")).json();
    expect(
      overdue.variants.map((v: { sku: string; overdue: boolean; shopperEta: string | null }) => [
        v.sku,
        v.overdue,
        v.shopperEta,
      ]),
    ).toEqual([["MUG-RED", true, null]]);
    const backordered = await (await t.api("/etas?filter=backordered")).json();
    expect(backordered.variants.map((v: { sku: string }) => v.sku)).toEqual(["CUP", "MUG-BLUE"]);
    expect((await t.api("/etas?filter=nope")).status).toBe(400);
  });

  it("sets a product lead time, which moves the ETA of its variants without an explicit date", async () => {
    await put(mug[0]!, { eta: addDays(40) });
    await t.app.deps.queues.get("events").drain(true);
    const res = await t.api(`/etas/products/${cup.productId}/lead-time`, {
      method: "PUT",
      json: { leadTimeDays: 12 },
    });
    expect(res.status).toBe(200);
    expect((await res.json()).moved).toEqual([cup.variantIds[0]!.toString()]);
    const { variant } = await (await t.api(`/etas/${cup.variantIds[0]}`)).json();
    expect(variant).toMatchObject({ productLeadTimeDays: 12, eta: addDays(12), etaSource: "product" });
    expect(
      (
        await t.api(`/etas/products/${cup.productId}/lead-time`, {
          method: "PUT",
          json: { leadTimeDays: -1 },
        })
      ).status,
    ).toBe(422);
    expect(
      (await t.api(`/etas/products/999/lead-time`, { method: "PUT", json: { leadTimeDays: 1 } })).status,
    ).toBe(404);
  });

  it("moves the open backordered lines of a variant whose ETA changed, and schedules their order's email", async () => {
    const orderId = 820_982_911_946_154_508n;
    await t.app.deps.db.backorderLine.deleteMany({});
    await t.app.deps.db.backorderLine.create({
      data: {
        shopId: t.shopId,
        orderId,
        lineItemId: 466_157_049_123_456_789n,
        variantId: mug[0]!,
        quantity: 2,
        backorderedQuantity: 2,
        etaAtOrder: new Date(`${addDays(3)}T00:00:00Z`),
        etaCurrent: new Date(`${addDays(3)}T00:00:00Z`),
        placedAt: new Date(),
      },
    });
    const eta = addDays(25);
    await put(mug[0]!, { eta });
    const [job] = await queuedJobs(t.app, "events", "eta-changed");
    const handler = ETA_JOB_HANDLERS.find((h) => h.definition.name === "eta-changed")!;
    expect(await handler.run(t.app.workerDeps, job!.data, job as Job)).toEqual({ orders: 1 });
    const line = await t.app.deps.db.backorderLine.findFirstOrThrow({ where: { shopId: t.shopId } });
    expect(line.etaCurrent?.toISOString().slice(0, 10)).toBe(eta);
    const notify = await queuedJobs(t.app, "events", "notify-order");
    expect(notify.map((j) => j.data)).toEqual([{ shopId: t.shopId, orderId: orderId.toString() }]);

    // A change of the shop's default lead time sends every variant with open lines through the flow.
    await t.app.deps.queues.get("events").drain(true);
    await enqueueShopLeadTimeChanged(t.app.deps, t.shopId);
    const changed = await queuedJobs(t.app, "events", "eta-changed");
    expect(changed.map((j) => j.data)).toEqual([{ shopId: t.shopId, variantIds: [mug[0]!.toString()] }]);
    expect(await queuedJobs(t.app, "shopify", "sync-eta-metafields")).not.toHaveLength(0);
  });
});

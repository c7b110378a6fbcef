import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { restockWaveJob, restockWaveJobId } from "../../web/server/queues/definitions/restock-wave.ts";
import { startAdminApp, type AdminTestApp } from "./helpers/start-admin-app.ts";

const SHOP = "subs-a.myshopify.com";
const OTHER = "subs-b.myshopify.com";
// 64-bit ids above 2^53, shared by both shops on purpose: only the shop tells them apart.
const PRODUCT = 9007199254760001n;
const IN_STOCK = 9007199254760003n;
const SOLD_OUT = 9007199254760005n;
const NOBODY = 9007199254760007n;
const ORDER = 9007199254760009n;
const T0 = new Date("2026-11-01T10:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

type Sub = [
  variant: bigint,
  email: string,
  status: "PENDING" | "ACTIVE" | "NOTIFIED" | "UNSUBSCRIBED",
  minute: number,
];
const SUBS: Sub[] = [
  [IN_STOCK, "ana@example.com", "ACTIVE", 1],
  [IN_STOCK, "ben@example.com", "ACTIVE", 2],
  [IN_STOCK, "=cmd@example.com", "ACTIVE", 3],
  [IN_STOCK, "dora@example.com", "PENDING", 4],
  [IN_STOCK, "eve@example.com", "NOTIFIED", 5],
  [IN_STOCK, "gone@example.com", "UNSUBSCRIBED", 6],
  [SOLD_OUT, "finn@example.com", "ACTIVE", 7],
  [NOBODY, "gil@example.com", "PENDING", 8],
];

async function seed(app: AdminTestApp, shopId: string, prefix: string) {
  const db = app.deps.db;
  await db.product.create({ data: { shopId, productId: PRODUCT, title: `${prefix} Parka` } });
  await db.variant.createMany({
    data: [
      [IN_STOCK, "Red", 4, "PARKA-RED"],
      [SOLD_OUT, "Blue", -2, "PARKA-BLUE"],
      [NOBODY, "Green", 9, null],
    ].map(([variantId, title, available, sku]) => ({
      shopId,
      productId: PRODUCT,
      variantId: variantId as bigint,
      title: title as string,
      available: available as number,
      sku: sku as string | null,
      inventoryPolicy: "CONTINUE",
    })),
  });
  await db.subscription.createMany({
    data: SUBS.map(([variantId, email, status, minute]) => ({
      shopId,
      variantId,
      email: `${prefix}-${email}`.replace(`${prefix}-=`, `=${prefix}-`),
      status,
      activeKey: status === "ACTIVE" || status === "PENDING" ? `${variantId}:${prefix}-${email}` : null,
      confirmToken: `${prefix}-c-${email}`,
      unsubscribeToken: `${prefix}-u-${email}`,
      createdAt: at(minute),
      notifiedAt: status === "NOTIFIED" ? at(60) : null,
    })),
  });
  await db.order.create({
    data: { shopId, orderId: ORDER, name: "#2001", email: `${prefix}-buyer@example.com`, placedAt: T0 },
  });
  await db.backorderLine.create({
    data: {
      shopId,
      orderId: ORDER,
      lineItemId: 9007199254760011n,
      variantId: SOLD_OUT,
      quantity: 3,
      backorderedQuantity: 2,
      placedAt: T0,
    },
  });
}

describe("/api/subscriptions admin routes", () => {
  let app: AdminTestApp;
  let shopId: string;
  const json = async (path: string, shop = SHOP) => {
    const res = await app.api(shop, path);
    expect([path, res.status]).toEqual([path, 200]);
    return (await res.json()) as Record<string, unknown>;
  };

  beforeAll(async () => {
    app = await startAdminApp();
    shopId = await app.installShop(SHOP);
    await seed(app, shopId, "a");
    await seed(app, await app.installShop(OTHER), "b");
  });
  afterAll(() => app?.close());

  it("gives demand per variant with active, pending and notified counts and the stock", async () => {
    const { variants } = (await json("/subscriptions/demand")) as { variants: Record<string, unknown>[] };
    expect(variants.map((v) => [v.variantId, v.waiting, v.pending, v.notified, v.available, v.sku])).toEqual([
      [String(IN_STOCK), 3, 1, 1, 4, "PARKA-RED"],
      [String(SOLD_OUT), 1, 0, 0, -2, "PARKA-BLUE"],
      [String(NOBODY), 0, 1, 0, 9, null],
    ]);
  });

  it("lists a variant's subscribers newest first, emails in full (the merchant's own customers), a page at a time", async () => {
    const first = await json(`/subscriptions/variants/${IN_STOCK}/subscribers?limit=4`);
    const subs = first.subscribers as { email: string; status: string }[];
    expect(subs.map((s) => [s.email, s.status])).toEqual([
      ["a-gone@example.com", "UNSUBSCRIBED"],
      ["a-eve@example.com", "NOTIFIED"],
      ["a-dora@example.com", "PENDING"],
      ["=a-cmd@example.com", "ACTIVE"],
    ]);
    const second = await json(
      `/subscriptions/variants/${IN_STOCK}/subscribers?limit=4&cursor=${String(first.nextCursor)}`,
    );
    expect((second.subscribers as unknown[]).length).toBe(2);
    expect(second.nextCursor).toBeNull();
    expect((second.subscribers as { email: string }[]).map((s) => s.email)).toEqual([
      "a-ben@example.com",
      "a-ana@example.com",
    ]);
    // The other shop's subscribers never appear.
    expect(JSON.stringify([first, second])).not.toMatch(/\bb-/);
    const active = await json(`/subscriptions/variants/${IN_STOCK}/subscribers?status=ACTIVE`);
    expect((active.subscribers as unknown[]).length).toBe(3);
  });

  it.each([
    ["a bad cursor", `/subscriptions/variants/${IN_STOCK}/subscribers?cursor=bm9wZQ`, 400],
    ["a bad status", `/subscriptions/variants/${IN_STOCK}/subscribers?status=NOPE`, 400],
    ["a non-numeric id", "/subscriptions/variants/abc/subscribers", 400],
  ])("refuses %s", async (_what, path, status) => {
    expect((await app.api(SHOP, path)).status).toBe(status);
  });

  it.each([
    ["an unknown variant", 9007199254769999n, 404, /Unknown variant/],
    ["a variant at or below the threshold", SOLD_OUT, 409, /not in stock/],
    ["a variant nobody is active for", NOBODY, 409, /No active subscribers/],
  ])("refuses send-now for %s", async (_what, variantId, status, message) => {
    const res = await app.api(SHOP, `/subscriptions/variants/${variantId}/send-now`, {
      method: "POST",
      body: {},
    });
    expect(res.status).toBe(status);
    expect(((await res.json()) as { message: string }).message).toMatch(message);
  });

  it("send-now records one restock event for this shop and queues its first wave; a second click is refused", async () => {
    const path = `/subscriptions/variants/${IN_STOCK}/send-now`;
    const res = await app.api(SHOP, path, { method: "POST", body: {} });
    expect(res.status).toBe(202);
    const body = (await res.json()) as { restockEventId: string; waiting: number };
    expect(body.waiting).toBe(3);
    const events = await app.deps.db.restockEvent.findMany({ where: { variantId: IN_STOCK } });
    expect(events.map((e) => [e.id, e.shopId, e.crossing, e.status, e.availableAtStart])).toEqual([
      [body.restockEventId, shopId, 1, "ACTIVE", 4],
    ]);
    const job = await app.deps.queues
      .get(restockWaveJob.queue)
      .getJob(restockWaveJobId(body.restockEventId, 1));
    expect(job?.data).toEqual({ shopId, restockEventId: body.restockEventId, wave: 1 });
    expect((await app.api(SHOP, path, { method: "POST", body: {} })).status).toBe(409);
    expect(await app.deps.db.restockEvent.count({ where: { variantId: IN_STOCK } })).toBe(1);
  });

  it("exports this shop's waiting and alerted subscribers as CSV, formulas defused", async () => {
    const res = await app.api(SHOP, "/subscriptions/export.csv");
    expect(res.headers.get("content-type")).toMatch(/text\/csv/);
    const lines = (await res.text()).trim().split("\r\n");
    expect(lines[0]).toBe(
      "variant_id,product,variant,sku,email,status,locale,marketing_consent,subscribed_at,confirmed_at,notified_at",
    );
    const emails = lines.slice(1).map((l) => l.split(",")[4]);
    expect(emails.sort()).toEqual([
      "'=a-cmd@example.com",
      "a-ana@example.com",
      "a-ben@example.com",
      "a-dora@example.com",
      "a-eve@example.com",
      "a-finn@example.com",
      "a-gil@example.com",
    ]);
  });

  it("exports what to reorder, most demand first, without customer data", async () => {
    const text = await (await app.api(SHOP, "/subscriptions/purchasing.csv")).text();
    expect(text.trim().split("\r\n")).toEqual([
      "variant_id,product,variant,sku,available,backordered_units,waiting_subscribers,pending_subscribers,eta",
      `${IN_STOCK},a Parka,Red,PARKA-RED,4,0,3,1,`,
      `${SOLD_OUT},a Parka,Blue,PARKA-BLUE,-2,2,1,0,`,
      `${NOBODY},a Parka,Green,,9,0,0,1,`,
    ]);
  });

  it("names the backorder's customer by their email in full when there is no first name", async () => {
    const { items } = (await json("/backorders")) as { items: { customer: string; customerEmail: string }[] };
    expect(items.map((i) => [i.customer, i.customerEmail])).toEqual([
      ["a-buyer@example.com", "a-buyer@example.com"],
    ]);
    await app.deps.db.order.updateMany({ where: { shopId }, data: { customerFirstName: "Camille" } });
    const again = (await json("/backorders")) as { items: { customer: string }[] };
    expect(again.items.map((i) => i.customer)).toEqual(["Camille"]);
  });
});

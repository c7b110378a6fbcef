import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pruneWebhookBodies } from "../../jobs/webhooks/prune-webhook-bodies.ts";
import {
  startBackorderFixture,
  type BackorderFixture,
  type BackorderShop,
} from "../backorders/backorder-fixture.ts";
import { scanDatabaseFor } from "../helpers/scan-database-for.ts";
import { customerOrderBody, deliverWebhook, type FaultCustomer } from "./support/customer-webhooks.ts";
import { reportFaultRow } from "./support/fault-row.ts";

// Privacy (docs/privacy.md): what customers/redact leaves behind, what customers/data_request
// exports, and processed webhook bodies blanked after the retention. Request hygiene (NUL bytes,
// stale deliveries) is request-hygiene.faults.ts.

type Customer = FaultCustomer;
const MIRA: Customer = {
  id: "7310000000000001",
  email: "Mira.Kowalczyk@example.com",
  first: "Mirabel",
  last: "Kowalczyk",
  phone: "+4915112345678",
};
const OTTO: Customer = {
  id: "7310000000000002",
  email: "otto.brennan@example.com",
  first: "Ottoline",
  last: "Brennan",
  phone: "+4915187654321",
};
// A customer record holding only the email: Shopify's request then has no customer.id.
const NOID: Customer = {
  id: "7310000000000003",
  email: "quill.ashgrove@example.com",
  first: "Quillon",
  last: "Ashgrove",
  phone: "+4915100000003",
};
const needles = (c: Customer) => [c.email, c.first, c.last, c.id, c.phone];

let f: BackorderFixture;
let shop: BackorderShop;
let variantId: bigint;
let inventoryItemId: bigint;
let nextId = 7_320_000_000_000_000n;

beforeAll(async () => {
  f = await startBackorderFixture();
  shop = await f.addShop();
  ({ variantId, inventoryItemId } = await f.addVariant(shop, "Storm Shell", 0, "2031-03-01"));
  await f.sync(shop);
}, 120_000);
afterAll(() => f?.close());

function deliver(topic: string, body: string, triggeredAt = new Date()): Promise<Response> {
  return deliverWebhook(f.app.url, shop.domain, topic, body, triggeredAt);
}

/** orders/create for the customer, Shopify's shape: the person is in email, customer and addresses. */
function orderBody(c: Customer, orderId: bigint, lineId: bigint): string {
  return customerOrderBody(shop.domain, variantId, c, orderId, lineId);
}

const placed = new Map<Customer, Promise<bigint>>();
/** Places the customer once (the tests also run one at a time with -t). */
function placeCustomer(c: Customer): Promise<bigint> {
  if (!placed.has(c)) placed.set(c, placeFootprint(c));
  return placed.get(c)!;
}

/** The customer's footprint: an order (lines, backorder line, confirmation email), a cancel request, an alert. */
async function placeFootprint(c: Customer): Promise<bigint> {
  const orderId = nextId++;
  const lineId = nextId++;
  // Shopify takes the 3 units from stock at checkout (inventory_levels/update), then sends the order.
  f.sim.adjustInventory(shop.domain, inventoryItemId, shop.locationId, -3);
  expect((await deliver("orders/create", orderBody(c, orderId, lineId))).status).toBe(200);
  await f.settle();
  const db = f.app.deps.db;
  await db.cancelRequest.create({
    data: {
      shopId: shop.id,
      orderId,
      lineItemIds: [lineId],
      tokenDigest: crypto.randomBytes(16).toString("hex"),
    },
  });
  await db.subscription.create({
    data: {
      shopId: shop.id,
      variantId,
      email: c.email.toLowerCase(),
      customerId: BigInt(c.id),
      status: "ACTIVE",
      activeKey: `${variantId}:${c.email.toLowerCase()}`,
      confirmToken: crypto.randomBytes(16).toString("hex"),
      unsubscribeToken: crypto.randomBytes(16).toString("hex"),
    },
  });
  return orderId;
}

const compliance = (topic: string, customer: string, extra = "") =>
  deliver(topic, `{"shop_id":1,"shop_domain":"${shop.domain}","customer":${customer}${extra}}`);

describe("privacy", () => {
  it("customers/data_request exports orders, lines, backorder lines and cancel requests; the merchant downloads it", async ({
    task,
  }) => {
    const orderId = await placeCustomer(MIRA);
    const request = 880001;
    const res = await compliance(
      "customers/data_request",
      `{"id":${MIRA.id},"email":"${MIRA.email}","phone":"${MIRA.phone}"}`,
      `,"orders_requested":[${orderId}],"data_request":{"id":${request}}}`.slice(0, -1),
    );
    expect(res.status).toBe(200);
    await f.settle();
    const token = await f.sim.mintSessionToken({ shop: shop.domain });
    const auth = { headers: { Authorization: `Bearer ${token}` } };
    const list = (await (await fetch(`${f.app.url}/api/data-exports`, auth)).json()) as {
      exports: { id: string; subject: string }[];
    };
    expect(list.exports.map((e) => e.subject)).toEqual([`customer:${MIRA.id}`]);
    const download = await fetch(`${f.app.url}/api/data-exports/${list.exports[0]!.id}`, auth);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toMatch(/attachment; filename="customer-data-/);
    const data = (await download.json()) as Record<string, { [k: string]: unknown }[]>;
    expect(data.orders!.map((o) => [o.orderId, o.email, o.customerFirstName])).toEqual([
      [String(orderId), MIRA.email, MIRA.first],
    ]);
    expect(
      (data.orders![0]!.lines as { title: string; quantity: number }[]).map((l) => [l.title, l.quantity]),
    ).toEqual([["Storm Shell", 3]]);
    expect(data.backorderLines!.map((b) => [b.orderId, b.backorderedQuantity, b.etaAtOrder])).toEqual([
      [String(orderId), 3, "2031-03-01"],
    ]);
    expect(data.cancelRequests!.map((c) => [c.orderId, c.status])).toEqual([[String(orderId), "REQUESTED"]]);
    expect(data.backorderLineHistory!.map((e) => [e.kind, e.backorderedQuantity])).toEqual([["create", 3]]);
    expect(data.subscriptions!.map((s) => s.email)).toEqual([MIRA.email.toLowerCase()]);
    expect(data.notifications!.map((n) => n.kind)).toEqual(["backorder_confirmation"]);
    // Another shop's token cannot read it.
    const other = await f.addShop();
    const otherToken = await f.sim.mintSessionToken({ shop: other.domain });
    const foreign = await fetch(`${f.app.url}/api/data-exports/${list.exports[0]!.id}`, {
      headers: { Authorization: `Bearer ${otherToken}` },
    });
    expect(foreign.status).toBe(404);
    reportFaultRow(task, {
      test: "19.3a data_request export",
      events: 2,
      lost: 0,
      duplicates: 0,
      fiveXx: 0,
      note: "orders, lines, backorder lines, cancel requests, subscriptions, emails; downloaded from /api",
    });
  });

  it("customers/redact leaves nothing of the customer in any table, by id or (without one) by email", async ({
    task,
  }) => {
    await placeCustomer(MIRA);
    const ottoOrder = await placeCustomer(OTTO);
    await placeCustomer(NOID);
    // Before: each customer is found (the scan can fail).
    for (const c of [MIRA, OTTO, NOID])
      expect((await scanDatabaseFor(f.app.deps.db, [c.email])).length).toBeGreaterThan(0);

    const byId = await compliance(
      "customers/redact",
      `{"id":${MIRA.id},"email":"${MIRA.email}","phone":"${MIRA.phone}"}`,
      `,"orders_to_redact":[]}`.slice(0, -1),
    );
    const byEmail = await compliance(
      "customers/redact",
      `{"email":"${NOID.email}"}`,
      `,"orders_to_redact":[]}`.slice(0, -1),
    );
    expect([byId.status, byEmail.status]).toEqual([200, 200]);
    await f.settle();
    const events = await f.app.deps.db.webhookEvent.findMany({
      where: { shopDomain: shop.domain, topic: "customers/redact" },
    });
    expect(events.map((e) => [e.status, e.lastError])).toEqual([
      ["PROCESSED", null],
      ["PROCESSED", null],
    ]);

    const left = await scanDatabaseFor(f.app.deps.db, [...needles(MIRA), ...needles(NOID)]);
    expect(left).toEqual([]);
    // The other customer is intact: order, email context, subscription, webhook body.
    const otto = await scanDatabaseFor(f.app.deps.db, [OTTO.email, OTTO.first]);
    expect(otto.map((h) => `${h.table}.${h.column}`).sort()).toEqual(
      expect.arrayContaining([
        "Order.customerFirstName",
        "Order.email",
        "Subscription.email",
        "WebhookEvent.body",
      ]),
    );
    const order = await f.app.deps.db.order.findFirstOrThrow({
      where: { shopId: shop.id, orderId: ottoOrder },
    });
    expect(order.statusUrl).toContain("authenticate");
    // The redacted customers' backorder lines still count for allocation.
    expect(await f.app.deps.db.backorderLine.count({ where: { shopId: shop.id } })).toBe(3);
    reportFaultRow(task, {
      test: "19.3b customers/redact scan",
      events: 2,
      lost: 0,
      duplicates: 0,
      fiveXx: 0,
      note: `every text/json column searched for email, names, phone, id: ${left.length} hits; other customer intact`,
    });
  });

  it("processed webhook bodies are blanked after the shop's retention, in batches, and only then", async ({
    task,
  }) => {
    const db = f.app.deps.db;
    await db.shopSettings.update({ where: { shopId: shop.id }, data: { webhookBodyRetentionDays: 3 } });
    const other = await f.addShop();
    const day = 24 * 3600_000;
    const rows = (domain: string, n: number, ageDays: number, status: "PROCESSED" | "RECEIVED" | "FAILED") =>
      db.webhookEvent.createMany({
        data: Array.from({ length: n }, (_, i) => ({
          shopDomain: domain,
          topic: "orders/updated",
          eventKey: `retention-${domain}-${ageDays}-${status}-${i}`,
          webhookId: `w${i}`,
          body: `{"email":"kept-${i}@example.com"}`,
          status,
          receivedAt: new Date(Date.now() - ageDays * day),
          processedAt: status === "PROCESSED" ? new Date(Date.now() - ageDays * day) : null,
        })),
      });
    await rows(shop.domain, 1_200, 4, "PROCESSED"); // past 3 days: blanked (more than two batches)
    await rows(shop.domain, 5, 2, "PROCESSED"); // within 3 days: kept
    await rows(shop.domain, 5, 9, "RECEIVED"); // still to run: kept
    await rows(shop.domain, 5, 9, "FAILED"); // for an operator to replay: kept
    await rows(other.domain, 5, 4, "PROCESSED"); // other shop, default 7 days: kept
    const pruned = await pruneWebhookBodies(f.app.workerDeps);
    expect(pruned).toBeGreaterThanOrEqual(1_200);
    const keyed = (prefix: string) => ({ eventKey: { startsWith: prefix } });
    expect(
      await db.webhookEvent.count({ where: { ...keyed(`retention-${shop.domain}-4-`), body: "" } }),
    ).toBe(1_200);
    expect(
      await db.webhookEvent.count({ where: { ...keyed(`retention-${shop.domain}-2-`), body: "" } }),
    ).toBe(0);
    expect(
      await db.webhookEvent.count({ where: { ...keyed(`retention-${shop.domain}-9-`), body: "" } }),
    ).toBe(0);
    expect(await db.webhookEvent.count({ where: { ...keyed(`retention-${other.domain}-`), body: "" } })).toBe(
      0,
    );
    expect(await pruneWebhookBodies(f.app.workerDeps)).toBe(0);
    // The fixture's settle() waits for RECEIVED events: these were never meant to run.
    await db.webhookEvent.deleteMany({ where: keyed("retention-") });
    reportFaultRow(task, {
      test: "19.3c webhook body retention",
      events: 1_220,
      lost: 0,
      duplicates: 0,
      fiveXx: 0,
      note: "1,200 bodies past 3 days blanked in batches of 500; recent, unprocessed, other shop kept",
    });
  });
});

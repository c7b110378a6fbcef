import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pruneWebhookBodies } from "../../jobs/webhooks/prune-webhook-bodies.ts";
import {
  startBackorderFixture,
  type BackorderFixture,
  type BackorderShop,
} from "../backorders/backorder-fixture.ts";
import { scanDatabaseFor } from "../helpers/scan-database-for.ts";
import { webhookHeaders } from "../helpers/sign.ts";
import { TEST_API_SECRET } from "../helpers/start-test-app.ts";
import { reportFaultRow } from "./support/fault-row.ts";
import { signUp, signedProxyQuery } from "./support/proxy-request.ts";

// Privacy and request hygiene (docs/privacy.md): what customers/redact leaves behind, what
// customers/data_request exports, NUL bytes at every entry point, replayed stale deliveries.

type Customer = { id: string; email: string; first: string; last: string; phone: string };
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

/** A signed delivery as Shopify makes it; the 64-bit ids stay bare JSON numbers. */
async function deliver(topic: string, body: string, triggeredAt = new Date()): Promise<Response> {
  const headers = {
    ...webhookHeaders({ topic, shop: shop.domain, body, secret: TEST_API_SECRET }),
    "X-Shopify-Triggered-At": triggeredAt.toISOString(),
  };
  return fetch(`${f.app.url}/webhooks`, { method: "POST", headers, body });
}

/** orders/create for the customer, Shopify's shape: the person is in email, customer and addresses. */
function orderBody(c: Customer, orderId: bigint, lineId: bigint): string {
  const now = new Date().toISOString();
  const address = `{"first_name":"${c.first}","last_name":"${c.last}","name":"${c.first} ${c.last}","phone":"${c.phone}","address1":"1 Harbour Road","city":"Kiel","zip":"24103","country_code":"DE"}`;
  return `{"id":${orderId},"admin_graphql_api_id":"gid://shopify/Order/${orderId}","name":"#${orderId % 10000n}",
    "email":"${c.email}","contact_email":"${c.email}","phone":"${c.phone}","created_at":"${now}","updated_at":"${now}",
    "currency":"EUR","total_price":"60.00","customer_locale":"en","tags":"",
    "order_status_url":"https://${shop.domain}/1/orders/${orderId}/authenticate?key=k${orderId}",
    "customer":{"id":${c.id},"email":"${c.email}","first_name":"${c.first}","last_name":"${c.last}","phone":"${c.phone}","tags":""},
    "billing_address":${address},"shipping_address":${address},
    "line_items":[{"id":${lineId},"variant_id":${variantId},"product_id":1,"title":"Storm Shell","sku":"SHELL-1",
      "quantity":3,"fulfillable_quantity":3,"price":"20.00","variant_inventory_management":"shopify"}]}`;
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

  it("a NUL byte in any text field answers 422 with a message, never 500, and writes nothing", async ({
    task,
  }) => {
    const token = await f.sim.mintSessionToken({ shop: shop.domain });
    const api = (path: string, init: RequestInit) =>
      fetch(`${f.app.url}/api${path}`, {
        ...init,
        headers: { Authorization: `Bearer ${token}`, ...(init.headers as Record<string, string>) },
      });
    const json = { "Content-Type": "application/json" };
    const nulOrder = orderBody({ ...OTTO, first: "Nul\\u0000Name" }, nextId++, nextId++);
    const attempts: [string, () => Promise<Response>][] = [
      ["webhook JSON", () => deliver("orders/create", nulOrder)],
      [
        "proxy signup",
        () =>
          signUp(f.app.url, shop.domain, { email: "nul\u0000@example.com", variant_id: String(variantId) }),
      ],
      [
        "proxy query",
        () =>
          fetch(
            `${f.app.url}/proxy/eta?${signedProxyQuery(shop.domain, [["variant_ids", `${variantId}\u0000`]])}`,
          ),
      ],
      [
        "/api settings JSON",
        () => api("/settings", { method: "PUT", headers: json, body: '{"senderName":"Shop\\u0000"}' }),
      ],
      [
        "/api ETA JSON",
        () => api(`/etas/${variantId}`, { method: "PUT", headers: json, body: '{"message":"soon\\u0000"}' }),
      ],
      [
        "CSV import",
        () =>
          api("/etas/import", {
            method: "POST",
            headers: { "Content-Type": "text/csv" },
            body: `variant_id,eta_date,message\n${variantId},2031-05-01,soon\u0000\n`,
          }),
      ],
      [
        "CSV import as JSON",
        () =>
          api("/etas/import", {
            method: "POST",
            headers: json,
            body: JSON.stringify({ csv: `variant_id,eta_date,message\n${variantId},2031-05-01,x\u0000\n` }),
          }),
      ],
      [
        "CSV import in the background",
        () =>
          api(`/etas/imports?requestKey=${crypto.randomUUID()}`, {
            method: "POST",
            headers: { "Content-Type": "text/csv" },
            body: `variant_id,eta,message\n${variantId},2031-05-01,soon\u0000\n`,
          }),
      ],
      ["/api query", () => api("/etas?query=%00", { method: "GET" })],
    ];
    const statuses: Record<string, number> = {};
    const answers: Record<string, string> = {};
    for (const [name, send] of attempts) {
      const res = await send();
      statuses[name] = res.status;
      const body = (await res.json().catch(() => ({}))) as { message?: string };
      answers[name] = `${res.status} ${/NUL/.test(body.message ?? "") ? "NUL message" : body.message}`;
    }
    expect(answers).toEqual(Object.fromEntries(attempts.map(([name]) => [name, "422 NUL message"])));
    // A legitimate escaped backslash followed by "u0000" is text, not a NUL: accepted.
    const literal = await api("/settings", {
      method: "PUT",
      headers: json,
      body: '{"senderName":"Shop \\\\u0000"}',
    });
    expect(literal.status).toBe(200);
    expect(
      (await f.app.deps.db.shopSettings.findUniqueOrThrow({ where: { shopId: shop.id } })).senderName,
    ).toBe("Shop \\u0000");
    reportFaultRow(task, {
      test: "19.h NUL byte in text",
      events: attempts.length,
      lost: 0,
      duplicates: 0,
      fiveXx: Object.values(statuses).filter((s) => s >= 500).length,
      note: `${attempts.length} entry points (webhook, proxy body and query, /api JSON and query, CSV) answer 422`,
    });
  });

  it("a delivery triggered beyond Shopify's 48 h retry horizon is recorded, flagged in the activity log, not processed", async ({
    task,
  }) => {
    const db = f.app.deps.db;
    const staleOrder = nextId++;
    const fresh = nextId++;
    const old = new Date(Date.now() - 49 * 3600_000);
    expect((await deliver("orders/create", orderBody(OTTO, staleOrder, nextId++), old)).status).toBe(200);
    expect(
      (await deliver("orders/create", orderBody(OTTO, fresh, nextId++), new Date(Date.now() - 47 * 3600_000)))
        .status,
    ).toBe(200);
    await f.settle();
    expect(await db.order.count({ where: { shopId: shop.id, orderId: staleOrder } })).toBe(0);
    expect(await db.order.count({ where: { shopId: shop.id, orderId: fresh } })).toBe(1);
    const token = await f.sim.mintSessionToken({ shop: shop.domain });
    const activity = (await (
      await fetch(`${f.app.url}/api/activity?source=webhooks`, {
        headers: { Authorization: `Bearer ${token}` },
      })
    ).json()) as { items: { kind: string; status: string; error: string | null }[] };
    const flagged = activity.items.filter((i) => i.error?.startsWith("stale delivery"));
    expect(flagged.map((i) => [i.kind, i.status])).toEqual([["orders/create", "SKIPPED"]]);
    expect(flagged[0]!.error).toContain(old.toISOString());
    reportFaultRow(task, {
      test: "19.h stale X-Shopify-Triggered-At",
      events: 2,
      lost: 0,
      duplicates: 0,
      fiveXx: 0,
      note: "49 h old delivery recorded and SKIPPED with a flag in the activity log; 47 h old processed",
    });
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activityApiRoutes } from "../../web/server/activity/activity-api-routes.ts";
import { apiRoutes } from "../../web/server/api/api-routes.ts";
import { startAdminApp, type AdminTestApp } from "./helpers/start-admin-app.ts";
import { listRoutes } from "./helpers/list-api-routes.ts";

const SHOP_A = "tenant-a.myshopify.com";
const SHOP_B = "tenant-b.myshopify.com";
// Everything of shop A carries one of these; none may ever appear in an answer to shop B.
const CANARY = /canary|shop-a\.test/i;
const A = {
  product: 9007199254750001n,
  variant: 9007199254750003n,
  order: 9007199254750005n,
  location: 9007199254750007n,
};

async function seedShopA(app: AdminTestApp, shopId: string) {
  const db = app.deps.db;
  await db.location.create({ data: { shopId, locationId: A.location, name: "Canary Depot" } });
  await db.shopSettings.update({
    where: { shopId },
    data: { restockThreshold: 42, senderName: "Canary Sender", countedLocationIds: [String(A.location)] },
  });
  await db.product.create({
    data: { shopId, productId: A.product, title: "Canary Parka", defaultLeadTimeDays: 12 },
  });
  await db.variant.create({
    data: {
      shopId,
      variantId: A.variant,
      productId: A.product,
      title: "Canary / XL",
      sku: "CANARY-SKU",
      available: -2,
      inventoryPolicy: "CONTINUE",
    },
  });
  await db.variantEta.create({
    data: { shopId, variantId: A.variant, etaDate: new Date("2030-06-01"), message: "Canary message" },
  });
  await db.order.create({
    data: { shopId, orderId: A.order, name: "#CANARY", email: "buyer@shop-a.test", placedAt: new Date() },
  });
  await db.orderLine.create({
    data: {
      shopId,
      orderRef: (await db.order.findFirstOrThrow({ where: { shopId } })).id,
      lineItemId: 1n,
      variantId: A.variant,
      title: "Canary Parka",
      quantity: 2,
      openQuantity: 2,
      placedAt: new Date(),
    },
  });
  await db.backorderLine.create({
    data: {
      shopId,
      orderId: A.order,
      lineItemId: 1n,
      variantId: A.variant,
      quantity: 2,
      backorderedQuantity: 2,
      placedAt: new Date(),
    },
  });
  await db.subscription.create({
    data: {
      shopId,
      variantId: A.variant,
      email: "fan@shop-a.test",
      status: "ACTIVE",
      activeKey: `${A.variant}:fan@shop-a.test`,
      confirmToken: "canary-c",
      unsubscribeToken: "canary-u",
    },
  });
  const n = await db.notification.create({
    data: {
      shopId,
      kind: "restock",
      idempotencyKey: "canary:1",
      recipient: "fan@shop-a.test",
      status: "FAILED",
      lastError: "canary failure",
      sentAt: new Date(),
    },
  });
  await db.conversion.create({
    data: {
      shopId,
      notificationId: n.id,
      orderId: A.order,
      lineItemId: 1n,
      variantId: A.variant,
      revenue: "123.45",
    },
  });
  await db.emailTemplate.create({
    data: {
      shopId,
      kind: "restock",
      locale: "en",
      subject: "Canary subject",
      html: "<p>canary</p>",
      text: "canary",
    },
  });
  const cancel = await db.cancelRequest.create({
    data: { shopId, orderId: A.order, lineItemIds: [1n], tokenDigest: "canary-digest" },
  });
  PARAMS.id = cancel.id;
  await db.variantControl.create({ data: { shopId, variantId: A.variant, backorderCap: 5 } });
  await db.webhookEvent.create({
    data: {
      shopDomain: SHOP_A,
      topic: "orders/create",
      eventKey: "canary-e",
      webhookId: "canary-w",
      body: "{}",
      status: "FAILED",
      lastError: "canary webhook error",
    },
  });
}

/** Shop A's tenant data, to prove that nothing shop B sent changed it. */
async function snapshotA(app: AdminTestApp, shopId: string) {
  const db = app.deps.db;
  const where = { shopId };
  return JSON.stringify(
    await Promise.all([
      db.shopSettings.findUnique({ where }),
      db.product.findMany({ where }),
      db.variant.findMany({ where }),
      db.variantEta.findMany({ where }),
      db.backorderLine.findMany({ where }),
      db.subscription.findMany({ where }),
      db.notification.findMany({ where }),
      db.emailTemplate.findMany({ where }),
      db.restockEvent.findMany({ where }),
      db.variantControl.findMany({ where }),
      db.cancelRequest.findMany({ where }),
      db.order.findMany({ where }),
    ]),
    (_k, v) => (typeof v === "bigint" ? v.toString() : v),
  );
}

const PARAMS: Record<string, string> = {
  variantId: String(A.variant),
  productId: String(A.product),
  kind: "restock",
  locale: "en",
};
const fill = (path: string) =>
  path.replace(/:(\w+)/g, (_m, name: string) => PARAMS[name] ?? String(A.variant));

/** Bodies each route accepts, aimed at shop A's resources; routes not listed get a generic body. */
const BODIES: Record<string, { body?: unknown; raw?: string }> = {
  "PUT /settings": { body: { restockThreshold: 1, countedLocationIds: [String(A.location)] } },
  "PUT /etas/:variantId": { body: { eta: "2031-01-01", message: "owned" } },
  "POST /etas/bulk": { body: { variantIds: [String(A.variant)], eta: "2031-01-01", message: "owned" } },
  "POST /etas/import": { raw: `variant_id,eta,message\n${A.variant},2031-01-01,owned\n` },
  "PUT /etas/products/:productId/lead-time": { body: { leadTimeDays: 1 } },
  "PUT /emails/templates/:kind/:locale": { body: { subject: "owned", html: "<p>owned</p>", text: "owned" } },
  "POST /emails/preview": {
    body: {
      kind: "restock",
      locale: "en",
      subject: "{{ shop.name }}",
      html: "<p>{{ shop.name }}</p>",
      text: "x",
    },
  },
  "POST /emails/test-send": { body: { kind: "restock", locale: "en", to: "owner@shop-b.example" } },
  "PUT /controls/variants/:variantId": { body: { backorderCap: 1 } },
  "PUT /controls/products/:productId": { body: { backorderCap: 1 } },
  "PATCH /controls/cancel-requests/:id": { body: { status: "DONE" } },
  "POST /subscriptions/variants/:variantId/send-now": { body: {} },
};
const GENERIC = {
  variantIds: [String(A.variant)],
  variantId: String(A.variant),
  productId: String(A.product),
  eta: "2031-01-01",
  message: "owned",
};

describe("tenant isolation of /api", () => {
  let app: AdminTestApp;
  let shopA: string;
  let routes: { method: string; path: string }[];
  beforeAll(async () => {
    app = await startAdminApp();
    shopA = await app.installShop(SHOP_A);
    await app.installShop(SHOP_B);
    await seedShopA(app, shopA);
    routes = listRoutes(apiRoutes(app.deps));
    // Until api-routes.ts mounts the activity API, the test app serves it beside (see start-admin-app.ts).
    for (const r of listRoutes(activityApiRoutes(app.deps))) {
      if (!routes.some((x) => x.method === r.method && x.path === r.path)) routes.push(r);
    }
  });
  afterAll(() => app?.close());

  const send = (
    domain: string | null,
    route: { method: string; path: string },
    override?: { body?: unknown; raw?: string },
  ) => {
    const spec =
      override ??
      BODIES[`${route.method} ${route.path}`] ??
      (route.method === "GET" || route.method === "DELETE" ? {} : { body: GENERIC });
    if (domain === null) return fetch(`${app.adminUrl}/api${fill(route.path)}`, { method: route.method });
    return app.api(domain, fill(route.path), { method: route.method, ...spec });
  };

  it("finds every route of the admin API", () => {
    const names = routes.map((r) => `${r.method} ${r.path}`);
    for (const mine of [
      "GET /settings",
      "PUT /settings",
      "GET /locations",
      "GET /emails/templates",
      "PUT /emails/templates/:kind/:locale",
      "DELETE /emails/templates/:kind/:locale",
      "POST /emails/preview",
      "POST /emails/test-send",
      "GET /activity",
      "GET /activity/alerts",
      "GET /subscriptions/demand",
      "GET /subscriptions/variants/:variantId/subscribers",
      "POST /subscriptions/variants/:variantId/send-now",
      "GET /subscriptions/export.csv",
      "GET /subscriptions/purchasing.csv",
      "GET /controls/variants/:variantId",
      "PUT /controls/variants/:variantId",
      "GET /controls/cancel-requests",
      "PATCH /controls/cancel-requests/:id",
    ]) {
      expect(names).toContain(mine);
    }
  });

  it("refuses every route without a token", async () => {
    for (const route of routes) {
      expect([route.method, route.path, (await send(null, route)).status]).toEqual([
        route.method,
        route.path,
        401,
      ]);
    }
  });

  it("refuses a token of shop A signed with another secret, on every route", async () => {
    const forged = await app.token(SHOP_A, { secret: "not-the-app-secret" });
    for (const route of routes) {
      const res = await fetch(`${app.adminUrl}/api${fill(route.path)}`, {
        method: route.method,
        headers: { Authorization: `Bearer ${forged}` },
      });
      expect([route.path, res.status]).toEqual([route.path, 401]);
    }
  });

  it("never shows shop A's data to shop B and never lets B change it, on every route", async () => {
    const before = await snapshotA(app, shopA);
    for (const route of routes) {
      for (const attempt of [undefined, { body: GENERIC }]) {
        if (attempt && (route.method === "GET" || route.method === "DELETE")) continue;
        const res = await send(SHOP_B, route, attempt);
        const text = await res.text();
        expect({ route: `${route.method} ${route.path}`, status: res.status < 500 }).toEqual({
          route: `${route.method} ${route.path}`,
          status: true,
        });
        expect({ route: `${route.method} ${route.path}`, leak: CANARY.exec(text)?.[0] ?? null }).toEqual({
          route: `${route.method} ${route.path}`,
          leak: null,
        });
      }
    }
    expect(await snapshotA(app, shopA)).toEqual(before);
  });

  it("shows shop A its own data (the canaries are detectable)", async () => {
    const seen = [];
    for (const route of routes.filter((r) => r.method === "GET")) {
      const text = await (await send(SHOP_A, route)).text();
      if (CANARY.test(text)) seen.push(route.path);
    }
    for (const path of [
      "/settings",
      "/locations",
      "/emails/templates/:kind/:locale",
      "/activity",
      "/backorders",
      "/subscriptions/demand",
      "/subscriptions/variants/:variantId/subscribers",
      "/subscriptions/export.csv",
      "/subscriptions/purchasing.csv",
      "/controls/cancel-requests",
    ]) {
      expect(seen).toContain(path);
    }
  });
});

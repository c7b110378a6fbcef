import type { AdminTestApp } from "./start-admin-app.ts";

/**
 * Shop A of the tenancy test: its data (every record carries a canary), a snapshot to prove
 * nothing changed, and for each /api route a request aimed at A's resources.
 */

export const SHOP_A = "tenant-a.myshopify.com";
export const SHOP_B = "tenant-b.myshopify.com";
// Everything of shop A carries one of these; none may ever appear in an answer to shop B.
export const CANARY = /canary|shop-a\.test/i;
export const A = {
  product: 9007199254750001n,
  variant: 9007199254750003n,
  order: 9007199254750005n,
  location: 9007199254750007n,
};

export async function seedShopA(app: AdminTestApp, shopId: string) {
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
  await db.apiKey.create({
    data: {
      shopId,
      name: "Canary API key",
      scope: "read_write",
      prefix: "bhk_canary00",
      secretHash: "canary-hash",
    },
  });
  const view = await db.savedView.create({
    data: {
      shopId,
      list: "backorders",
      name: "Canary view",
      nameKey: "canary view",
      query: { status: "OPEN", overdue: false, search: "canary", product: "" },
      position: 0,
    },
  });
  PARAMS.viewId = view.id;
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
export async function snapshotA(app: AdminTestApp, shopId: string) {
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
      db.apiKey.findMany({ where }),
      db.savedView.findMany({ where }),
    ]),
    (_k, v) => (typeof v === "bigint" ? v.toString() : v),
  );
}

const PARAMS: Record<string, string> = {
  variantId: String(A.variant),
  productId: String(A.product),
  kind: "restock",
  locale: "en",
  list: "backorders",
};
export const fill = (path: string) =>
  path.replace(/:(\w+)/g, (_m, name: string) => PARAMS[name] ?? String(A.variant));

/** Bodies each route accepts, aimed at shop A's resources; routes not listed get a generic body. */
export const BODIES: Record<string, { body?: unknown; raw?: string }> = {
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
  "PATCH /saved-views/:list/:viewId": { body: { name: "owned", query: { search: "owned" } } },
};
export const GENERIC = {
  variantIds: [String(A.variant)],
  variantId: String(A.variant),
  productId: String(A.product),
  eta: "2031-01-01",
  message: "owned",
};

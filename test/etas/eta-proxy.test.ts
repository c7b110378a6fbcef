import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyEtaChanges } from "../../web/server/etas/apply-eta-changes.ts";
import { isoDaysFromToday as addDays } from "../helpers/future-date.ts";
import { signProxyParams } from "../../web/server/proxy/verify-proxy-signature.ts";
import { startTestApp, TEST_API_SECRET, type TestApp } from "../helpers/start-test-app.ts";

const SHOP = "proxy-eta.myshopify.com";
const OTHER = "proxy-other.myshopify.com";
// Above 2^53: must come back exactly.
const V1 = 9_007_199_254_740_993n;
const V2 = 9_007_199_254_740_995n;
const V3 = 9_007_199_254_740_997n;
const FOREIGN = 9_007_199_254_740_999n;

function signedUrl(base: string, params: Record<string, string>, secret = TEST_API_SECRET) {
  const query = {
    shop: SHOP,
    logged_in_customer_id: "",
    path_prefix: "/apps/backorder",
    timestamp: String(Math.floor(Date.now() / 1000)),
    ...params,
  };
  const search = new URLSearchParams({ ...query, signature: signProxyParams(query, secret) });
  return `${base}/proxy/eta?${search}`;
}

describe("GET /proxy/eta", () => {
  let app: TestApp;
  let shopId: string;
  beforeAll(async () => {
    app = await startTestApp();
    const db = app.deps.db;
    const shop = await db.shop.create({
      data: { domain: SHOP, timezone: "UTC", settings: { create: { defaultLeadTimeDays: 7 } } },
    });
    const other = await db.shop.create({ data: { domain: OTHER, settings: { create: {} } } });
    shopId = shop.id;
    await db.product.create({ data: { shopId, productId: 1n, title: "Mug" } });
    await db.variant.createMany({
      data: [
        { shopId, variantId: V1, productId: 1n, inventoryPolicy: "CONTINUE", available: -2 },
        { shopId, variantId: V2, productId: 1n, inventoryPolicy: "CONTINUE", available: 3 },
        { shopId, variantId: V3, productId: 1n, inventoryPolicy: "DENY", available: 0 },
        { shopId: other.id, variantId: FOREIGN, productId: 1n, inventoryPolicy: "CONTINUE", available: -1 },
      ],
    });
    await applyEtaChanges(
      app.deps,
      shopId,
      [{ variantId: V1, eta: addDays(10), message: "Knitted to order" }],
      "manual",
      new Date(),
    );
    await applyEtaChanges(app.deps, shopId, [{ variantId: V3, eta: addDays(-2) }], "manual", new Date());
  });
  afterAll(() => app?.close());

  const get = (params: Record<string, string>, headers: Record<string, string> = {}) =>
    fetch(signedUrl(app.url, params), { headers });

  it("answers the shop's variants, cacheable, with 64-bit ids intact and no past dates", async () => {
    const res = await get({ variant_ids: `${V3},${V1},${V2},${FOREIGN},123` });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("public, max-age=60");
    expect(res.headers.get("etag")).toMatch(/^"[\w-]+"$/);
    const text = await res.text();
    expect(text).toContain(`"id":"${V1}"`);
    expect(JSON.parse(text)).toEqual({
      variants: [
        { id: String(V1), backordered: true, eta: addDays(10), message: "Knitted to order" },
        { id: String(V2), backordered: false, eta: addDays(7), message: null },
        // An overdue explicit date is never shown to shoppers.
        { id: String(V3), backordered: false, eta: null, message: null },
      ],
    });
  });

  // Freshness across processes and isolation between shops: eta-proxy-freshness.test.ts.
  it("answers 304 to a matching If-None-Match", async () => {
    const first = await get({ variant_ids: String(V1) });
    const etag = first.headers.get("etag")!;
    // fetch() adds "Cache-Control: no-cache" to conditional requests unless one is given.
    const again = await get(
      { variant_ids: String(V1) },
      { "If-None-Match": etag, "Cache-Control": "max-age=0" },
    );
    expect(again.status).toBe(304);
  });

  it.each([
    ["a bad signature", () => fetch(signedUrl(app.url, { variant_ids: String(V1) }, "wrong-secret"))],
    ["no signature", () => fetch(`${app.url}/proxy/eta?shop=${SHOP}&variant_ids=${V1}`)],
  ])("answers 401 for %s", async (_name, call) => {
    expect((await call()).status).toBe(401);
  });

  it.each([
    ["missing ids", {}],
    ["empty ids", { variant_ids: "" }],
    ["non-numeric ids", { variant_ids: "1,abc" }],
    ["an empty entry", { variant_ids: "1,,2" }],
    ["a GID", { variant_ids: "gid://shopify/ProductVariant/1" }],
    ["an id beyond bigint", { variant_ids: "99999999999999999999" }],
    ["more than 50 ids", { variant_ids: Array.from({ length: 51 }, (_, i) => i + 1).join(",") }],
  ])("answers 400 for %s", async (_name, params) => {
    expect((await get(params as Record<string, string>)).status).toBe(400);
  });
});

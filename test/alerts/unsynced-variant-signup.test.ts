// A signup for a variant the app has not synced (the install's first sync still running, a product
// whose webhook was lost) is checked with Shopify before it is refused; made-up ids cost a bounded
// number of Admin calls. Requests arrive through a proxy hop, TRUST_PROXY=2 as documented.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VARIANT_LOOKUP_BUDGET } from "../../web/server/subscriptions/check-signup-variant.ts";
import { signUp } from "../faults/support/proxy-request.ts";
import { mapInLanes } from "../helpers/map-in-lanes.ts";
import { spawnForwardingHop } from "../helpers/start-forwarding-hop.ts";
import { storeOfflineSession } from "../helpers/store-offline-session.ts";
import { startAlertsFixture, type AlertsFixture, type TestShop } from "./alerts-fixture.ts";

const MADE_UP = 987_654_321_000n;

describe("signups for variants the app has not synced", () => {
  let fx: AlertsFixture;
  let hop: Awaited<ReturnType<typeof spawnForwardingHop>>;
  let address = 0;
  beforeAll(async () => {
    fx = await startAlertsFixture({ env: { TRUST_PROXY: "2" } });
    hop = await spawnForwardingHop(fx.app.url);
  });
  afterAll(async () => {
    await hop?.close();
    await fx?.close();
  });
  const db = () => fx.app.deps.db;

  async function post(shop: TestShop, email: string, variantId: bigint | string) {
    const res = await signUp(
      hop.url,
      shop.domain,
      { email, variant_id: String(variantId) },
      `203.0.113.${(++address % 250) + 1}`,
    );
    const answer = (await res.json()) as {
      details?: { fieldErrors?: Record<string, string[]>; limit?: string };
    };
    return { status: res.status, retryAfter: res.headers.get("retry-after"), answer };
  }

  /** Variant look-ups this shop made through the Admin API so far. */
  const lookups = (shop: TestShop) =>
    fx.sim.graphqlLog.filter((e) => e.shop === shop.domain && e.operationName === "ProductVariantState")
      .length;

  /** Shopify-only: a product created on the shop whose webhooks the app never got. */
  function unsyncedVariant(shop: TestShop, title: string): bigint {
    const created = fx.sim.createProduct(shop.domain, {
      title,
      variants: [{ title: "Default", price: "42.00", inventoryPolicy: "DENY", inventory: 0 }],
    });
    return created.variants[0]!.id;
  }

  it("looks an unsynced variant up, records it, and accepts the signup", async () => {
    const shop = await fx.addShop("Unsynced Shop");
    const variantId = unsyncedVariant(shop, "Fresh Drop Hoodie");
    expect(await db().variant.count({ where: { shopId: shop.id, variantId } })).toBe(0);

    const first = await post(shop, "first@example.com", variantId);
    expect(first.status).toBe(201);
    expect(await db().subscription.count({ where: { shopId: shop.id, variantId } })).toBe(1);
    const recorded = await db().variant.findUniqueOrThrow({
      where: { shopId_variantId: { shopId: shop.id, variantId } },
    });
    expect(recorded).toMatchObject({
      title: "Default",
      deletedAt: null,
      inventoryPolicy: "DENY",
      tracked: true,
    });
    const product = await db().product.findUniqueOrThrow({
      where: { shopId_productId: { shopId: shop.id, productId: recorded.productId } },
    });
    expect(product.title).toBe("Fresh Drop Hoodie");
    expect(lookups(shop)).toBe(1);

    // Known from now on: no further Admin call.
    expect((await post(shop, "second@example.com", variantId)).status).toBe(201);
    expect(lookups(shop)).toBe(1);
  });

  it("answers 422 unknown variant for an id Shopify does not have, asking Shopify once per id", async () => {
    const shop = await fx.addShop("Made-up Shop");
    const answers = await mapInLanes(
      Array.from({ length: 10 }, (_, i) => i),
      4,
      (i) => post(shop, `guess-${i}@example.com`, MADE_UP),
    );
    for (const a of answers) {
      expect(a.status).toBe(422);
      expect(a.answer.details?.fieldErrors?.variant_id).toEqual(["unknown variant"]);
    }
    expect(lookups(shop)).toBe(1);
    expect(await db().subscription.count({ where: { shopId: shop.id } })).toBe(0);
    expect(await db().variant.count({ where: { shopId: shop.id, variantId: MADE_UP } })).toBe(0);
  });

  it("a flood of made-up ids spends at most the look-up budget; known variants still sign up", async () => {
    const shop = await fx.addShop("Flooded Shop");
    const known = await shop.addVariant({ title: "Synced Beanie", stock: 0 });
    // The budget is a per-minute window on the database clock: start the flood well inside one.
    const [clock] = await db().$queryRaw<
      { s: number }[]
    >`select extract(epoch from clock_timestamp())::float8 as s`;
    const into = clock!.s % 60;
    if (into > 40) await new Promise((r) => setTimeout(r, (60 - into) * 1000 + 250));

    const flood = 3 * VARIANT_LOOKUP_BUDGET.calls;
    const answers = await mapInLanes(
      Array.from({ length: flood }, (_, i) => i),
      8,
      (i) => post(shop, `flood-${i}@example.com`, MADE_UP + BigInt(i)),
    );
    expect(lookups(shop)).toBe(VARIANT_LOOKUP_BUDGET.calls);
    const refused = answers.filter((a) => a.status === 429);
    expect(answers.filter((a) => a.status === 422)).toHaveLength(VARIANT_LOOKUP_BUDGET.calls);
    expect(refused).toHaveLength(flood - VARIANT_LOOKUP_BUDGET.calls);
    for (const a of refused) {
      expect(a.answer.details?.limit).toBe("variant_lookup");
      expect(Number(a.retryAfter)).toBeGreaterThan(0);
    }
    expect((await post(shop, "real@example.com", known.variantId)).status).toBe(201);
    expect(lookups(shop)).toBe(VARIANT_LOOKUP_BUDGET.calls);
  }, 90_000);

  it("answers 503 with Retry-After when Shopify cannot be asked, and caches nothing", async () => {
    const shop = await fx.addShop("Offline Shop");
    const variantId = unsyncedVariant(shop, "Unreachable Parka");
    await db().session.deleteMany({ where: { shop: shop.domain } });
    const refused = await post(shop, "waiting@example.com", variantId);
    expect(refused.status).toBe(503);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect(await db().subscription.count({ where: { shopId: shop.id } })).toBe(0);

    await storeOfflineSession(fx.app, shop.domain, fx.sim.issueAccessToken(shop.domain));
    expect((await post(shop, "waiting@example.com", variantId)).status).toBe(201);
  });
});

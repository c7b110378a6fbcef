import { Session } from "@shopify/shopify-api";
import { offlineSessionStorage } from "../../web/server/shopify/sessions/offline-session-storage.ts";
import type { Prisma } from "@prisma/client";
import type { Simulator } from "../../simulator/create-simulator.ts";
import type { BenchDeps } from "../env/create-bench-deps.ts";

export type BenchShop = { id: string; domain: string; locationId: bigint | null };
export type BenchVariant = { variantId: bigint; inventoryItemId: bigint; productId: bigint };

/**
 * A shop the app knows: with a simulator, created there and installed (offline session stored the
 * way token exchange stores it); without one, a database row only (enough for ingress and proxy).
 */
export async function seedShop(
  deps: BenchDeps,
  opts: { name: string; sim?: Simulator; settings?: Prisma.ShopSettingsCreateWithoutShopInput },
): Promise<BenchShop> {
  let domain = `${opts.name}.myshopify.com`;
  let locationId: bigint | null = null;
  if (opts.sim) {
    const simShop = opts.sim.createShop({ name: opts.name, currency: "EUR", ianaTimezone: "UTC" });
    domain = simShop.domain;
    locationId = simShop.locationIds[0] ?? null;
    const api = deps.shopify.api;
    await offlineSessionStorage(deps).storeSession(
      new Session({
        id: api.session.getOfflineId(domain),
        shop: domain,
        state: "bench",
        isOnline: false,
        accessToken: opts.sim.issueAccessToken(domain),
        scope: deps.config.scopes.join(","),
      }),
    );
  }
  const shop = await deps.db.shop.create({
    data: {
      domain,
      name: opts.name,
      currency: "EUR",
      timezone: "UTC",
      syncStatus: "DONE",
      settings: { create: opts.settings ?? {} },
    },
  });
  return { id: shop.id, domain, locationId };
}

/** One product with one variant, in the simulator and in our tables. */
export async function seedVariant(
  deps: BenchDeps,
  sim: Simulator,
  shop: BenchShop,
  input: { title: string; stock: number; policy?: "DENY" | "CONTINUE" },
): Promise<BenchVariant> {
  const created = sim.createProduct(shop.domain, {
    title: input.title,
    imageUrl: "https://cdn.example/bench.png",
    variants: [
      {
        title: "Default Title",
        price: "49.00",
        inventoryPolicy: input.policy ?? "DENY",
        inventory: input.stock,
      },
    ],
  });
  const v = created.variants[0]!;
  await deps.db.product.create({
    data: {
      shopId: shop.id,
      productId: created.product.id,
      title: input.title,
      handle: created.product.handle,
      imageUrl: created.product.imageUrl,
    },
  });
  await deps.db.variant.create({
    data: {
      shopId: shop.id,
      variantId: v.id,
      productId: created.product.id,
      inventoryItemId: v.inventoryItemId,
      title: "Default Title",
      price: "49.00",
      inventoryPolicy: input.policy ?? "DENY",
      available: input.stock,
      aboveThreshold: input.stock > 0,
    },
  });
  return { variantId: v.id, inventoryItemId: v.inventoryItemId, productId: created.product.id };
}

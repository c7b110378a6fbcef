import { gid } from "../gid.ts";
import type { SimState } from "../persist-state.ts";
import type { StorefrontProduct } from "./render-product-page.ts";

/**
 * The shop's app-owned metafields as Liquid shows them (`shop.metafields['$app'].key.value`), e.g.
 * the notify-me block's signup channels the app writes.
 */
export function shopAppMetafields(state: SimState, shopId: bigint | string) {
  const owner = gid("Shop", shopId);
  const namespace = `app--${state.appId}`;
  const app: Record<string, { type: string; value: string }> = {};
  for (const m of state.metafields)
    if (m.ownerGid === owner && m.namespace === namespace) app[m.key] = { type: m.type, value: m.value };
  return { $app: app };
}

/** Shapes a product of the saved state for the Liquid renderer, with the `$app` metafields. */
export function buildStorefrontProduct(
  state: SimState,
  shop: string,
  handle: string,
): StorefrontProduct | null {
  const product = state.products.find((p) => p.shopDomain === shop && p.handle === handle);
  if (!product || product.status !== "ACTIVE") return null;
  const namespace = `app--${state.appId}`;
  const variants = product.variantIds.flatMap((id) => {
    const variant = state.variants.find((v) => v.id === id);
    if (!variant) return [];
    const item = state.inventoryItems.find((i) => i.id === variant.inventoryItemId);
    const tracked = item?.tracked ?? true;
    const quantity = state.levels
      .filter((l) => l.inventoryItemId === variant.inventoryItemId)
      .reduce((sum, l) => sum + l.available, 0);
    const owner = gid("ProductVariant", variant.id);
    const mf = (key: string) =>
      state.metafields.find((m) => m.ownerGid === owner && m.namespace === namespace && m.key === key)?.value;
    const backordered = mf("backordered");
    const eta = mf("eta");
    const message = mf("message");
    return [
      {
        id: variant.id.toString(),
        title: variant.title,
        price: variant.price,
        available: !tracked || quantity > 0 || variant.inventoryPolicy === "CONTINUE",
        inventoryQuantity: quantity,
        inventoryPolicy: variant.inventoryPolicy,
        tracked,
        metafields: {
          ...(eta !== undefined ? { eta } : {}),
          ...(message !== undefined ? { message } : {}),
          ...(backordered !== undefined ? { backordered: backordered === "true" } : {}),
        },
      },
    ];
  });
  return {
    id: product.id.toString(),
    title: product.title,
    handle: product.handle,
    ...(product.imageUrl ? { imageUrl: product.imageUrl } : {}),
    variants,
  };
}

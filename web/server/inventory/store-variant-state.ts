import type { Db } from "../db/create-prisma.ts";
import { storeReadLevels } from "./apply-inventory-level.ts";
import type { VariantState } from "./variant-state.ts";

/**
 * Caches a variant read from the Admin API: product, variant (with its inventory item and whether
 * it tracks inventory) and its levels. Safe to repeat; a deleted variant comes back to life only
 * when Shopify says it exists.
 */
export async function storeVariantState(db: Db, shopId: string, state: VariantState): Promise<void> {
  const image = state.productImageUrl === undefined ? {} : { imageUrl: state.productImageUrl };
  await db.product.upsert({
    where: { shopId_productId: { shopId, productId: state.productId } },
    create: {
      shopId,
      productId: state.productId,
      title: state.productTitle,
      handle: state.productHandle,
      ...image,
    },
    update: { title: state.productTitle, handle: state.productHandle, deletedAt: null, ...image },
  });
  const fields = {
    productId: state.productId,
    inventoryItemId: state.inventoryItemId,
    title: state.title,
    sku: state.sku,
    price: state.price,
    inventoryPolicy: state.inventoryPolicy,
    tracked: state.tracked,
    deletedAt: null,
  };
  await db.variant.upsert({
    where: { shopId_variantId: { shopId, variantId: state.variantId } },
    create: { shopId, variantId: state.variantId, ...fields },
    update: fields,
  });
  if (state.inventoryItemId !== null) {
    const itemId = state.inventoryItemId;
    await storeReadLevels(
      db,
      shopId,
      state.levels.map((level) => ({ inventoryItemId: itemId, ...level })),
    );
  }
}

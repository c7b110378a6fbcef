import { toBigId } from "../gid.ts";
import { productPayload } from "../payloads/product-payload.ts";
import type { SimCore } from "../sim-core.ts";
import { emitEvents } from "../sim-core.ts";
import { requireProduct } from "../store/lookups.ts";
import { SimError } from "../store/sim-error.ts";
import type { InventoryPolicy, SimProduct } from "../store/store-types.ts";

export interface UpdateProductInput {
  title?: string;
  handle?: string;
  imageUrl?: string | null;
  status?: SimProduct["status"];
  tags?: string[];
  variants?: Array<{
    id: bigint | string;
    title?: string;
    sku?: string | null;
    price?: string;
    inventoryPolicy?: InventoryPolicy;
    tracked?: boolean;
  }>;
}

export function updateProduct(
  core: SimCore,
  shopDomain: string,
  productId: bigint | string,
  input: UpdateProductInput,
): SimProduct {
  const product = requireProduct(core.store, shopDomain, toBigId(productId));
  const now = core.now();
  for (const patch of input.variants ?? []) {
    const id = toBigId(patch.id);
    const variant = core.store.variants.get(id);
    if (!variant || variant.productId !== product.id)
      throw new SimError(`variant ${id} is not on this product`);
    if (patch.title !== undefined) variant.title = patch.title;
    if (patch.sku !== undefined) variant.sku = patch.sku;
    if (patch.price !== undefined) variant.price = patch.price;
    if (patch.inventoryPolicy !== undefined) variant.inventoryPolicy = patch.inventoryPolicy;
    if (patch.tracked !== undefined) {
      const item = core.store.inventoryItems.get(variant.inventoryItemId)!;
      item.tracked = patch.tracked;
      item.updatedAt = now;
    }
    variant.updatedAt = now;
  }
  if (input.title !== undefined) product.title = input.title;
  if (input.handle !== undefined) product.handle = input.handle;
  if (input.imageUrl !== undefined) product.imageUrl = input.imageUrl;
  if (input.status !== undefined) product.status = input.status;
  if (input.tags !== undefined) product.tags = input.tags;
  product.updatedAt = now;
  emitProductUpdate(core, product);
  return product;
}

export function emitProductUpdate(core: SimCore, product: SimProduct): void {
  emitEvents(core, product.shopDomain, [
    { topic: "products/update", payload: productPayload(core, product) },
  ]);
}

/** Removes the product with its variants, items and levels; past order lines keep their ids. */
export function deleteProduct(core: SimCore, shopDomain: string, productId: bigint | string): void {
  const { store } = core;
  const product = requireProduct(store, shopDomain, toBigId(productId));
  for (const variantId of product.variantIds) {
    const variant = store.variants.get(variantId)!;
    store.variants.delete(variantId);
    store.inventoryItems.delete(variant.inventoryItemId);
    for (const [key, level] of store.levels) {
      if (level.inventoryItemId === variant.inventoryItemId) store.levels.delete(key);
    }
  }
  store.products.delete(product.id);
  emitEvents(core, shopDomain, [{ topic: "products/delete", payload: { id: product.id } }]);
}

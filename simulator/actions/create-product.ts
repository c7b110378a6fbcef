import { toBigId } from "../gid.ts";
import type { SimCore } from "../sim-core.ts";
import { ensureLevel, requireShop } from "../store/lookups.ts";
import { SimError } from "../store/sim-error.ts";
import type { InventoryPolicy, SimProduct, SimVariant } from "../store/store-types.ts";
import { slugify } from "./create-shop.ts";

export interface CreateVariantInput {
  title: string;
  sku?: string;
  price: string;
  compareAtPrice?: string;
  inventoryPolicy: InventoryPolicy;
  tracked?: boolean;
  /** A number stocks the shop's first location; an object maps location ids to `available`. */
  inventory?: Record<string, number> | number;
}

export interface CreateProductInput {
  title: string;
  handle?: string;
  imageUrl?: string;
  vendor?: string;
  productType?: string;
  tags?: string[];
  variants: CreateVariantInput[];
}

export interface CreatedProduct {
  product: SimProduct;
  variants: SimVariant[];
}

export function createProduct(core: SimCore, shopDomain: string, input: CreateProductInput): CreatedProduct {
  const { store } = core;
  const shop = requireShop(store, shopDomain);
  if (input.variants.length === 0) throw new SimError("a product needs at least one variant");
  const handle = uniqueHandle(core, shopDomain, input.handle ?? slugify(input.title));
  const now = core.now();
  const product: SimProduct = {
    id: store.nextId(),
    shopDomain,
    title: input.title,
    handle,
    imageUrl: input.imageUrl ?? null,
    vendor: input.vendor ?? shop.name,
    productType: input.productType ?? "",
    status: "ACTIVE",
    tags: input.tags ?? [],
    variantIds: [],
    createdAt: now,
    updatedAt: now,
  };
  store.products.set(product.id, product);
  const variants = input.variants.map((variantInput, index) => {
    const variant: SimVariant = {
      id: store.nextId(),
      shopDomain,
      productId: product.id,
      inventoryItemId: store.nextId(),
      title: variantInput.title,
      sku: variantInput.sku ?? null,
      price: variantInput.price,
      compareAtPrice: variantInput.compareAtPrice ?? null,
      inventoryPolicy: variantInput.inventoryPolicy,
      position: index + 1,
      createdAt: now,
      updatedAt: now,
    };
    store.variants.set(variant.id, variant);
    product.variantIds.push(variant.id);
    const item = {
      id: variant.inventoryItemId,
      shopDomain,
      variantId: variant.id,
      tracked: variantInput.tracked ?? true,
      createdAt: now,
      updatedAt: now,
    };
    store.inventoryItems.set(item.id, item);
    // Shopify stocks a new item at every location, with zero unless told otherwise.
    for (const locationId of shop.locationIds) ensureLevel(store, item, locationId, now);
    const stock = variantInput.inventory ?? 0;
    const entries: Array<[bigint, number]> =
      typeof stock === "number"
        ? [[shop.locationIds[0]!, stock]]
        : Object.entries(stock).map(([locationId, available]) => [toBigId(locationId), available]);
    for (const [locationId, available] of entries) {
      ensureLevel(store, item, locationId, now).available = available;
    }
    return variant;
  });
  return { product, variants };
}

function uniqueHandle(core: SimCore, shopDomain: string, base: string): string {
  const taken = new Set(
    [...core.store.products.values()].filter((p) => p.shopDomain === shopDomain).map((p) => p.handle),
  );
  let handle = base || "product";
  for (let n = 1; taken.has(handle); n += 1) handle = `${base}-${n}`;
  return handle;
}

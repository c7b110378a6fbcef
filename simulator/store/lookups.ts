import type { Store } from "./create-store.ts";
import { levelKey } from "./create-store.ts";
import { SimError } from "./sim-error.ts";
import type {
  SimInventoryItem,
  SimInventoryLevel,
  SimOrder,
  SimProduct,
  SimShop,
  SimVariant,
} from "./store-types.ts";

// Every lookup is scoped to a shop: one shop must never see another's records.

export function requireShop(store: Store, domain: string): SimShop {
  const shop = store.shops.get(domain);
  if (!shop) throw new SimError(`unknown shop ${domain}`, 404);
  return shop;
}

export function findProduct(store: Store, shop: string, id: bigint): SimProduct | undefined {
  const product = store.products.get(id);
  return product?.shopDomain === shop ? product : undefined;
}

export function findVariant(store: Store, shop: string, id: bigint): SimVariant | undefined {
  const variant = store.variants.get(id);
  return variant?.shopDomain === shop ? variant : undefined;
}

export function findInventoryItem(store: Store, shop: string, id: bigint): SimInventoryItem | undefined {
  const item = store.inventoryItems.get(id);
  return item?.shopDomain === shop ? item : undefined;
}

export function findOrder(store: Store, shop: string, id: bigint): SimOrder | undefined {
  const order = store.orders.get(id);
  return order?.shopDomain === shop ? order : undefined;
}

export function requireProduct(store: Store, shop: string, id: bigint): SimProduct {
  const product = findProduct(store, shop, id);
  if (!product) throw new SimError(`unknown product ${id}`, 404);
  return product;
}

export function requireOrder(store: Store, shop: string, id: bigint): SimOrder {
  const order = findOrder(store, shop, id);
  if (!order) throw new SimError(`unknown order ${id}`, 404);
  return order;
}

export function findLevel(store: Store, itemId: bigint, locationId: bigint): SimInventoryLevel | undefined {
  return store.levels.get(levelKey(itemId, locationId));
}

/** Levels of an item in the shop's location order. */
export function levelsOfItem(store: Store, item: SimInventoryItem): SimInventoryLevel[] {
  const shop = store.shops.get(item.shopDomain);
  if (!shop) return [];
  return shop.locationIds
    .map((locationId) => findLevel(store, item.id, locationId))
    .filter((level): level is SimInventoryLevel => level !== undefined);
}

export function ensureLevel(
  store: Store,
  item: SimInventoryItem,
  locationId: bigint,
  now: Date,
): SimInventoryLevel {
  const existing = findLevel(store, item.id, locationId);
  if (existing) return existing;
  const location = store.locations.get(locationId);
  if (!location || location.shopDomain !== item.shopDomain)
    throw new SimError(`unknown location ${locationId}`, 404);
  const level: SimInventoryLevel = {
    shopDomain: item.shopDomain,
    inventoryItemId: item.id,
    locationId,
    available: 0,
    committed: 0,
    incoming: 0,
    reserved: 0,
    damaged: 0,
    safetyStock: 0,
    qualityControl: 0,
    createdAt: now,
    updatedAt: now,
  };
  store.levels.set(levelKey(item.id, locationId), level);
  return level;
}

export function onHand(level: SimInventoryLevel): number {
  return (
    level.available +
    level.committed +
    level.reserved +
    level.damaged +
    level.safetyStock +
    level.qualityControl
  );
}

/** Shopify's `inventoryQuantity`: available summed over the item's locations. */
export function variantAvailable(store: Store, variant: SimVariant): number {
  const item = store.inventoryItems.get(variant.inventoryItemId);
  if (!item) return 0;
  return levelsOfItem(store, item).reduce((sum, level) => sum + level.available, 0);
}

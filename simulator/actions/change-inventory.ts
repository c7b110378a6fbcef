import { toBigId } from "../gid.ts";
import { inventoryLevelPayload } from "../payloads/inventory-level-payload.ts";
import type { SimCore } from "../sim-core.ts";
import { emitEvents } from "../sim-core.ts";
import { ensureLevel, findInventoryItem, requireShop } from "../store/lookups.ts";
import { SimError } from "../store/sim-error.ts";
import type { SimInventoryLevel } from "../store/store-types.ts";

type Id = bigint | string;

/** Merchant edits `available` in the admin (absolute value). */
export function setInventory(core: SimCore, shop: string, itemId: Id, locationId: Id, available: number) {
  return changeAvailable(core, shop, itemId, locationId, () => available);
}

/** Merchant receives or removes stock (relative change). */
export function adjustInventory(core: SimCore, shop: string, itemId: Id, locationId: Id, delta: number) {
  return changeAvailable(core, shop, itemId, locationId, (current) => current + delta);
}

function changeAvailable(
  core: SimCore,
  shopDomain: string,
  itemId: Id,
  locationId: Id,
  next: (current: number) => number,
): SimInventoryLevel {
  const shop = requireShop(core.store, shopDomain);
  const item = findInventoryItem(core.store, shopDomain, toBigId(itemId));
  if (!item) throw new SimError(`unknown inventory item ${itemId}`, 404);
  const now = core.now();
  const level = ensureLevel(core.store, item, toBigId(locationId), now);
  const value = next(level.available);
  if (!Number.isInteger(value)) throw new SimError("quantity must be an integer");
  level.available = value;
  level.updatedAt = now;
  emitEvents(core, shopDomain, [
    { topic: "inventory_levels/update", payload: inventoryLevelPayload(level, shop.ianaTimezone) },
  ]);
  return level;
}

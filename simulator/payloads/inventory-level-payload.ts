import { inventoryLevelGid } from "../gid.ts";
import { payloadTime } from "../sim-core.ts";
import type { SimInventoryLevel } from "../store/store-types.ts";

/** inventory_levels/update carries only these five fields (docs/shopify-platform.md, "Webhook payloads"). */
export function inventoryLevelPayload(level: SimInventoryLevel, timeZone: string): Record<string, unknown> {
  return {
    inventory_item_id: level.inventoryItemId,
    location_id: level.locationId,
    available: level.available,
    updated_at: payloadTime(level.updatedAt, timeZone),
    admin_graphql_api_id: inventoryLevelGid(level.locationId, level.inventoryItemId),
  };
}

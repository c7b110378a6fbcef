import { GraphQLError } from "graphql";
import { gid, inventoryLevelGid } from "../../gid.ts";
import { isoSeconds } from "../../sim-core.ts";
import { levelsOfItem, onHand } from "../../store/lookups.ts";
import type { SimInventoryItem, SimInventoryLevel } from "../../store/store-types.ts";
import { connection, type ConnectionArgs } from "../connection.ts";
import type { GqlContext } from "../gql-context.ts";
import { variantView } from "./product-views.ts";
import { locationView } from "./shop-view.ts";

const QUANTITY_NAMES: Record<string, (level: SimInventoryLevel) => number> = {
  available: (l) => l.available,
  on_hand: onHand,
  committed: (l) => l.committed,
  incoming: (l) => l.incoming,
  reserved: (l) => l.reserved,
  damaged: (l) => l.damaged,
  safety_stock: (l) => l.safetyStock,
  quality_control: (l) => l.qualityControl,
};

export function isQuantityName(name: string): boolean {
  return name in QUANTITY_NAMES;
}

export function inventoryItemView(ctx: GqlContext, item: SimInventoryItem) {
  const { store } = ctx.core;
  const variant = store.variants.get(item.variantId)!;
  return {
    __typename: "InventoryItem",
    id: gid("InventoryItem", item.id),
    legacyResourceId: item.id.toString(),
    sku: variant.sku,
    tracked: item.tracked,
    requiresShipping: true,
    createdAt: isoSeconds(item.createdAt),
    updatedAt: isoSeconds(item.updatedAt),
    variants: (args: ConnectionArgs) =>
      connection(
        [variant],
        args,
        (v) => v.id.toString(),
        (v) => variantView(ctx, v),
        ctx.bulk,
      ),
    inventoryLevels: (args: ConnectionArgs) =>
      connection(
        levelsOfItem(store, item),
        args,
        (l) => l.locationId.toString(),
        (l) => inventoryLevelView(ctx, l),
        ctx.bulk,
      ),
    inventoryLevel: (args: { locationId: string }) => {
      const level = levelsOfItem(store, item).find((l) => gid("Location", l.locationId) === args.locationId);
      return level ? inventoryLevelView(ctx, level) : null;
    },
  };
}

export function inventoryLevelView(ctx: GqlContext, level: SimInventoryLevel) {
  const { store } = ctx.core;
  const id = inventoryLevelGid(level.locationId, level.inventoryItemId);
  return {
    __typename: "InventoryLevel",
    id,
    isActive: true,
    canDeactivate: true,
    createdAt: isoSeconds(level.createdAt),
    updatedAt: isoSeconds(level.updatedAt),
    item: () => inventoryItemView(ctx, store.inventoryItems.get(level.inventoryItemId)!),
    location: () => locationView(ctx, store.locations.get(level.locationId)!),
    quantities: (args: { names: string[] }) =>
      args.names.map((name) => {
        const read = QUANTITY_NAMES[name];
        if (!read) {
          throw new GraphQLError(`The quantity name '${name}' is not valid.`, {
            extensions: { code: "BAD_REQUEST" },
          });
        }
        return {
          __typename: "InventoryQuantity",
          id: `gid://shopify/InventoryQuantity/${level.locationId}?inventory_item_id=${level.inventoryItemId}&name=${name}`,
          name,
          quantity: read(level),
          updatedAt: isoSeconds(level.updatedAt),
        };
      }),
  };
}

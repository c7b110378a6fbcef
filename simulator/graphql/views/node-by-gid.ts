import { parseGid } from "../../gid.ts";
import { findInventoryItem, findLevel, findOrder, findProduct, findVariant } from "../../store/lookups.ts";
import type { GqlContext } from "../gql-context.ts";
import { bulkOperationView } from "./bulk-operation-view.ts";
import { discountNodeView } from "./discount-view.ts";
import { inventoryItemView, inventoryLevelView } from "./inventory-views.ts";
import { metafieldDefinitionView } from "./metafield-definition-view.ts";
import { metafieldView } from "./metafield-view.ts";
import { customerView, orderView } from "./order-views.ts";
import { productView, variantView } from "./product-views.ts";
import { appInstallationView, locationView, shopView } from "./shop-view.ts";

/** Resolves any GID the simulator knows, scoped to the requesting shop; null when absent. */
export function nodeByGid(ctx: GqlContext, value: string): unknown {
  const parsed = parseGid(value);
  if (!parsed) return null;
  const { store } = ctx.core;
  const shop = ctx.shop.domain;
  const { id } = parsed;
  const own = <T extends { shopDomain: string }>(record: T | undefined) =>
    record && record.shopDomain === shop ? record : undefined;
  switch (parsed.type) {
    case "Shop":
      return id === ctx.shop.id ? shopView(ctx, ctx.shop) : null;
    case "Product":
      return orNull(findProduct(store, shop, id), (p) => productView(ctx, p));
    case "ProductVariant":
      return orNull(findVariant(store, shop, id), (v) => variantView(ctx, v));
    case "InventoryItem":
      return orNull(findInventoryItem(store, shop, id), (i) => inventoryItemView(ctx, i));
    case "InventoryLevel": {
      const itemId = parsed.params.get("inventory_item_id");
      const level = itemId && /^\d+$/.test(itemId) ? own(findLevel(store, BigInt(itemId), id)) : undefined;
      return orNull(level, (l) => inventoryLevelView(ctx, l));
    }
    case "Location":
      return orNull(own(store.locations.get(id)), (l) => locationView(ctx, l));
    case "Order":
      return orNull(findOrder(store, shop, id), (o) => orderView(ctx, o));
    case "Customer":
      return orNull(own(store.customers.get(id)), (c) => customerView(ctx, c));
    case "Metafield":
      return orNull(own(store.metafields.get(id)), (m) => metafieldView(ctx, m));
    case "MetafieldDefinition":
      return orNull(own(store.metafieldDefinitions.get(id)), (d) => metafieldDefinitionView(ctx, d));
    case "BulkOperation":
      return orNull(own(store.bulkOperations.get(id)), (b) => bulkOperationView(ctx, b));
    case "DiscountCodeNode":
      return orNull(own(store.discounts.get(id)), (d) => discountNodeView(ctx, d));
    case "AppInstallation":
      return id === ctx.core.appId ? appInstallationView(ctx) : null;
    default:
      return null;
  }
}

function orNull<T>(record: T | undefined, view: (record: T) => unknown): unknown {
  return record === undefined ? null : view(record);
}

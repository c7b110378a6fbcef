import { GraphQLError } from "graphql";
import { parseGid } from "../gid.ts";
import { variantAvailable } from "../store/lookups.ts";
import type { SimBulkOperation, SimOrder, SimProduct, SimVariant } from "../store/store-types.ts";
import { connection, type ConnectionArgs } from "./connection.ts";
import type { GqlContext } from "./gql-context.ts";
import { matchesSearch, parseSearchQuery } from "./search-query.ts";
import { bulkOperationView } from "./views/bulk-operation-view.ts";
import {
  metafieldDefinitionsConnection,
  type MetafieldDefinitionsArgs,
} from "./views/metafield-definition-view.ts";
import { nodeByGid } from "./views/node-by-gid.ts";
import { orderView } from "./views/order-views.ts";
import { productView, variantView } from "./views/product-views.ts";
import { appInstallationView, locationsConnection, shopView } from "./views/shop-view.ts";

type SearchArgs = ConnectionArgs & { query?: string | null; sortKey?: string | null };

/** Typed lookup: a GID of another type gives null, as on Shopify. */
function byType(ctx: GqlContext, type: string, id: string): unknown {
  return parseGid(id)?.type === type ? nodeByGid(ctx, id) : null;
}

export function queryRoot(ctx: GqlContext) {
  const { store } = ctx.core;
  const shop = ctx.shop.domain;
  const ofShop = <T extends { shopDomain: string }>(map: Map<bigint, T>) =>
    [...map.values()].filter((record) => record.shopDomain === shop);
  return {
    shop: () => shopView(ctx, ctx.shop),
    currentAppInstallation: () => appInstallationView(ctx),
    node: (args: { id: string }) => nodeByGid(ctx, args.id),
    nodes: (args: { ids: string[] }) => args.ids.map((id) => nodeByGid(ctx, id)),
    product: (args: { id: string }) => byType(ctx, "Product", args.id),
    productVariant: (args: { id: string }) => byType(ctx, "ProductVariant", args.id),
    inventoryItem: (args: { id: string }) => byType(ctx, "InventoryItem", args.id),
    inventoryLevel: (args: { id: string }) => byType(ctx, "InventoryLevel", args.id),
    location: (args: { id?: string | null }) =>
      args.id ? byType(ctx, "Location", args.id) : locationsConnection(ctx, { first: 1 }).nodes[0],
    order: (args: { id: string }) => byType(ctx, "Order", args.id),
    customer: (args: { id: string }) => byType(ctx, "Customer", args.id),
    bulkOperation: (args: { id: string }) => byType(ctx, "BulkOperation", args.id),
    codeDiscountNode: (args: { id: string }) => byType(ctx, "DiscountCodeNode", args.id),
    locations: (args: ConnectionArgs) => locationsConnection(ctx, args),
    metafieldDefinitions: (args: MetafieldDefinitionsArgs) => metafieldDefinitionsConnection(ctx, args),
    products: (args: SearchArgs) => {
      const terms = parseSearchQuery(args.query);
      const list = ofShop(store.products).filter((p) =>
        matchesSearch<SimProduct>(p, terms, productFilters, (p) => p.title, ctx.core.now()),
      );
      return connection(
        list,
        args,
        (p) => p.id.toString(),
        (p) => productView(ctx, p),
        ctx.bulk,
      );
    },
    productVariants: (args: SearchArgs) => {
      const terms = parseSearchQuery(args.query);
      const filters: Record<string, (v: SimVariant) => string | number | Date | null> = {
        id: (v) => v.id.toString(),
        sku: (v) => v.sku,
        title: (v) => v.title,
        product_id: (v) => v.productId.toString(),
        inventory_item_id: (v) => v.inventoryItemId.toString(),
        inventory_quantity: (v) => variantAvailable(store, v),
        updated_at: (v) => v.updatedAt,
        created_at: (v) => v.createdAt,
      };
      const list = ofShop(store.variants).filter((v) =>
        matchesSearch(v, terms, filters, (v) => v.title, ctx.core.now()),
      );
      return connection(
        list,
        args,
        (v) => v.id.toString(),
        (v) => variantView(ctx, v),
        ctx.bulk,
      );
    },
    orders: (args: SearchArgs) => {
      const terms = parseSearchQuery(args.query);
      const now = ctx.core.now();
      const list = ofShop(store.orders).filter((o) =>
        matchesSearch<SimOrder>(o, terms, orderFilters, (o) => `${o.name} ${o.email}`, now),
      );
      return connection(
        list,
        args,
        (o) => o.id.toString(),
        (o) => orderView(ctx, o),
        ctx.bulk,
        orderSortValue(args.sortKey),
      );
    },
    bulkOperations: (args: SearchArgs) => {
      const terms = parseSearchQuery(args.query);
      const filters: Record<string, (b: SimBulkOperation) => string | Date | null> = {
        id: (b) => b.id.toString(),
        status: (b) => b.status,
        operation_type: () => "query",
        created_at: (b) => b.createdAt,
      };
      // Newest first, like Shopify's default sort for this connection.
      const list = ofShop(store.bulkOperations)
        .filter((b) => matchesSearch(b, terms, filters, () => "", ctx.core.now()))
        .reverse();
      return connection(
        list,
        args,
        (b) => b.id.toString(),
        (b) => bulkOperationView(ctx, b),
        ctx.bulk,
      );
    },
  };
}

const productFilters: Record<string, (p: SimProduct) => string | string[] | Date | null> = {
  id: (p) => p.id.toString(),
  handle: (p) => p.handle,
  title: (p) => p.title,
  status: (p) => p.status,
  tag: (p) => p.tags,
  updated_at: (p) => p.updatedAt,
  created_at: (p) => p.createdAt,
};

/** OrderSortKeys the simulator sorts by; ID (the default) is the store's order. */
function orderSortValue(sortKey: string | null | undefined): ((o: SimOrder) => number) | undefined {
  switch (sortKey ?? "ID") {
    case "ID":
      return undefined;
    case "UPDATED_AT":
      return (o) => o.updatedAt.getTime();
    case "CREATED_AT":
    case "PROCESSED_AT":
      return (o) => o.createdAt.getTime();
    case "ORDER_NUMBER":
      return (o) => o.number;
    default:
      throw new GraphQLError(`The simulator does not sort orders by ${sortKey}`, {
        extensions: { code: "BAD_REQUEST" },
      });
  }
}

const orderFilters: Record<string, (o: SimOrder) => string | string[] | Date | null> = {
  id: (o) => o.id.toString(),
  name: (o) => o.name,
  email: (o) => o.email,
  tag: (o) => o.tags,
  status: (o) => (o.cancelledAt ? "cancelled" : o.closedAt ? "closed" : "open"),
  fulfillment_status: (o) => o.fulfillmentStatus ?? "unfulfilled",
  customer_id: (o) => o.customerId.toString(),
  updated_at: (o) => o.updatedAt,
  created_at: (o) => o.createdAt,
};

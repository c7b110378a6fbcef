import { BULK_OPERATION_QUERY, BULK_OPERATION_RUN_QUERY_MUTATION } from "./bulk-documents.ts";
import { DISCOUNT_CODE_CREATE_MUTATION, VARIANT_POLICY_UPDATE_MUTATION } from "./control-documents.ts";
import {
  INVENTORY_ITEM_STATE_QUERY,
  PRODUCT_VARIANT_STATE_QUERY,
  VARIANTS_STATE_QUERY,
} from "./inventory-documents.ts";
import {
  ORDER_METAFIELDS_DELETE_MUTATION,
  ORDER_METAFIELDS_SET_MUTATION,
  ORDER_TAGS_ADD_MUTATION,
  ORDER_TAGS_REMOVE_MUTATION,
} from "./order-documents.ts";
import { ORDER_LINE_ITEMS_QUERY, ORDERS_UPDATED_SINCE_QUERY } from "./reconcile-documents.ts";

export * from "./bulk-documents.ts";
export * from "./control-documents.ts";
export * from "./inventory-documents.ts";
export * from "./order-documents.ts";
export * from "./reconcile-documents.ts";
export * from "./shop-documents.ts";

/**
 * Every operation document the app sends to the Admin API, validated against the 2026-07 schema by
 * a test. BULK_SYNC_QUERY is not listed: it is a bulk query string (validated separately).
 */
export const ALL_DOCUMENTS: readonly string[] = [
  INVENTORY_ITEM_STATE_QUERY,
  VARIANTS_STATE_QUERY,
  PRODUCT_VARIANT_STATE_QUERY,
  ORDER_TAGS_ADD_MUTATION,
  ORDER_TAGS_REMOVE_MUTATION,
  ORDER_METAFIELDS_SET_MUTATION,
  ORDER_METAFIELDS_DELETE_MUTATION,
  BULK_OPERATION_RUN_QUERY_MUTATION,
  BULK_OPERATION_QUERY,
  VARIANT_POLICY_UPDATE_MUTATION,
  DISCOUNT_CODE_CREATE_MUTATION,
  ORDERS_UPDATED_SINCE_QUERY,
  ORDER_LINE_ITEMS_QUERY,
];

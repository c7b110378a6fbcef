/** Header the app's dev/test fetch wrapper adds when it sends `https://{shop}/...` to the simulator. */
export { SIMULATED_SHOP_HEADER } from "../web/server/shopify/rewrite-shop-fetch.ts";

export const API_VERSION = "2026-07";

/**
 * First id handed out. Ids advance by 2 so every id is odd and above 2^53: no id survives a
 * round-trip through a JS number, so any precision loss in the app shows up immediately.
 */
export const FIRST_ID = 9007199254740993n;

export const DEFAULT_SCOPES =
  "read_orders,write_orders,read_products,write_products,read_inventory,write_inventory,write_discounts";

export const THROTTLE_DOCS_URL = "https://shopify.dev/api/usage/rate-limits";

export const INVALID_TOKEN_MESSAGE =
  "[API] Invalid API key or access token (unrecognized login or wrong password)";

/** Shopify caps a single query's requested cost regardless of the bucket. */
export const SINGLE_QUERY_MAX_COST = 1000;

/** Page size cap for connections outside bulk operations. */
export const MAX_PAGE_SIZE = 250;

export const WEBHOOK_TIMEOUT_MS = 5000;

// Dev and test only: every call @shopify/shopify-api makes to https://{shop}/... (token exchange,
// Admin GraphQL) goes through its abstract fetch; rewriting it here points the library at the
// Shopify simulator without touching the library.
import { abstractFetch, setAbstractFetchFunc } from "@shopify/shopify-api/runtime";
import { rewriteShopFetch } from "./rewrite-shop-fetch.ts";

let target: URL | null = null;
let installed = false;

export function redirectAdminCallsTo(origin: string): void {
  target = new URL(origin);
  if (installed) return;
  installed = true;
  // The node adapter's fetch, set by the adapter import.
  setAbstractFetchFunc(rewriteShopFetch(abstractFetch, () => target));
}

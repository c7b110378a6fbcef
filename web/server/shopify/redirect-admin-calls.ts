// Dev and test only: every call @shopify/shopify-api makes to https://{shop}/... (token exchange,
// Admin GraphQL) goes through its abstract fetch; rewriting it here points the library at the
// Shopify simulator without touching the library. The shop travels in a header the simulator reads.
import { abstractFetch, setAbstractFetchFunc } from "@shopify/shopify-api/runtime";
import { SIMULATED_SHOP_HEADER } from "../../../simulator/constants.ts";

let target: URL | null = null;
let installed = false;

export function redirectAdminCallsTo(origin: string): void {
  target = new URL(origin);
  if (installed) return;
  installed = true;
  const base = abstractFetch; // the node adapter's fetch, set by the adapter import
  setAbstractFetchFunc(async (input, init) => {
    const url = new URL(typeof input === "string" ? input : input instanceof URL ? input.href : input.url);
    if (!target || url.protocol !== "https:" || !url.hostname.endsWith(".myshopify.com")) {
      return base(input, init);
    }
    const shop = url.hostname;
    url.protocol = target.protocol;
    url.host = target.host;
    const headers = new Headers(init?.headers);
    headers.set(SIMULATED_SHOP_HEADER, shop);
    return base(url.toString(), { ...init, headers });
  });
}

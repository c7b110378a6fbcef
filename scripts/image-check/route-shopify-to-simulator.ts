// Preloaded (`node --import`) into the image's processes by the image check, from outside the
// image: it stands in for the network, as DNS and TLS would route https://{shop}.myshopify.com to
// Shopify. It swaps the global fetch before the app loads, so @shopify/shopify-api's node adapter
// (which takes globalThis.fetch at import) sends token exchange and Admin GraphQL to the simulator.
// The app itself runs unchanged, in production mode, where SHOPIFY_ADMIN_ORIGIN is refused.
import { rewriteShopFetch } from "../../web/server/shopify/rewrite-shop-fetch.ts";

const origin = process.env.IMAGE_CHECK_SHOPIFY_ORIGIN;
if (!origin) throw new Error("IMAGE_CHECK_SHOPIFY_ORIGIN is not set");
globalThis.fetch = rewriteShopFetch(globalThis.fetch, origin);

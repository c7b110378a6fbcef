// A myshopify.com domain as Shopify sends it in `?shop=`; anything else gets no framing rights.
const SHOP_DOMAIN = /^[a-z0-9][a-z0-9-]{0,60}\.myshopify\.com$/;

export function validShopDomain(value: unknown): string | null {
  return typeof value === "string" && SHOP_DOMAIN.test(value) ? value : null;
}

/** App Bridge, which the embedded page loads from Shopify's CDN before the app's own bundle. */
export const APP_BRIDGE_ORIGIN = "https://cdn.shopify.com";

/**
 * Shopify requires embedded apps to allow framing by the shop's admin and admin.shopify.com only;
 * without a valid shop the page may not be framed at all (clickjacking). Scripts: the app's own
 * bundle and App Bridge only (no inline script, no eval), so injected markup cannot run code.
 */
export function adminContentSecurityPolicy(shop: unknown): string {
  const domain = validShopDomain(shop);
  const frameAncestors = domain
    ? `frame-ancestors https://${domain} https://admin.shopify.com;`
    : "frame-ancestors 'none';";
  return `${frameAncestors} script-src 'self' ${APP_BRIDGE_ORIGIN}; object-src 'none'; base-uri 'self';`;
}

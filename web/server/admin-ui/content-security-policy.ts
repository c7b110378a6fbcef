// A myshopify.com domain as Shopify sends it in `?shop=`; anything else gets no framing rights.
const SHOP_DOMAIN = /^[a-z0-9][a-z0-9-]{0,60}\.myshopify\.com$/;

export function validShopDomain(value: unknown): string | null {
  return typeof value === "string" && SHOP_DOMAIN.test(value) ? value : null;
}

/**
 * Shopify requires embedded apps to allow framing by the shop's admin and admin.shopify.com only;
 * without a valid shop the page may not be framed at all (clickjacking).
 */
export function adminContentSecurityPolicy(shop: unknown): string {
  const domain = validShopDomain(shop);
  return domain ? `frame-ancestors https://${domain} https://admin.shopify.com;` : "frame-ancestors 'none';";
}

import crypto from "node:crypto";

/**
 * Where the simulator's shops have their online store: its own origin, which serves every shop's
 * storefront and names the shop in `?shop=` (one origin, many shops). Reported as the shop's `url`
 * and `primaryDomain.url`, as Shopify reports a shop's online store.
 */
export function storefrontUrl(origin: string, shopDomain: string): string {
  return `${origin}/?shop=${encodeURIComponent(shopDomain)}`;
}

/** The `key` of an order status link: only who got the link (the customer) can open the page. */
export function orderStatusKey(secret: string, orderId: bigint): string {
  return crypto.createHmac("sha256", secret).update(`order-status:${orderId}`).digest("hex").slice(0, 32);
}

/** Shopify's shape: `{store}/{shop id}/orders/{order token}/authenticate?key={key}`, on the store. */
export function orderStatusLink(origin: string, secret: string, shopId: bigint, orderId: bigint): string {
  return `${origin}/${shopId}/orders/${orderId}/authenticate?key=${orderStatusKey(secret, orderId)}`;
}

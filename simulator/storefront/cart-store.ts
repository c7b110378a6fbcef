import { randomBytes } from "node:crypto";
import type { CartLine } from "./cart-lines.ts";

export interface StorefrontCart {
  token: string;
  shop: string;
  /** The storefront language the cart was filled in; checkout follows it. */
  locale: string;
  lines: CartLine[];
  /** Set once the checkout is paid: the order it became. */
  orderId?: bigint;
}

/**
 * The simulator's carts, in memory and keyed by the `cart` cookie's token, like Shopify's
 * cart tokens. Bounded: past `maxCarts`, the least recently used cart is forgotten.
 */
export function createCartStore(maxCarts = 1000) {
  const carts = new Map<string, StorefrontCart>();
  const touch = (cart: StorefrontCart) => {
    carts.delete(cart.token);
    carts.set(cart.token, cart);
    while (carts.size > maxCarts) carts.delete(carts.keys().next().value as string);
    return cart;
  };
  return {
    /** The shopper's cart for this shop, if the cookie names one. */
    find(token: string | undefined, shop?: string): StorefrontCart | undefined {
      const cart = token ? carts.get(token) : undefined;
      return cart && (shop === undefined || cart.shop === shop) ? touch(cart) : undefined;
    },
    /** The shopper's cart for this shop, or a new empty one. */
    open(token: string | undefined, shop: string, locale: string): StorefrontCart {
      const found = this.find(token, shop);
      if (found && found.orderId === undefined) return found;
      return touch({ token: randomBytes(16).toString("hex"), shop, locale, lines: [] });
    },
  };
}

export type CartStore = ReturnType<typeof createCartStore>;

/** The `cart` cookie of a request, as Shopify's storefront sets it. */
export function cartTokenOf(cookieHeader: string | undefined): string | undefined {
  const match = /(?:^|;\s*)cart=([a-f0-9]{32})(?:;|$)/.exec(cookieHeader ?? "");
  return match?.[1];
}

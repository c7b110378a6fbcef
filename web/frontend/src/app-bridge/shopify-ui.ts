import type { ShopifyGlobal } from "@shopify/app-bridge-react";

/** The part of App Bridge the admin's pages use: Shopify's own, or the playground's stand-in. */
export type ShopifyUi = Pick<ShopifyGlobal, "toast" | "saveBar" | "modal" | "resourcePicker">;

/**
 * App Bridge's UI when the page has one: Shopify's (inside the admin, from its CDN) or the local
 * stand-in (playground and tests, docs/admin-app-bridge.md). Null in production outside the admin,
 * where the pages fall back to Polaris' own toast, save bar, modals and page header.
 */
export function shopifyUi(): ShopifyUi | null {
  const shopify = (globalThis as { shopify?: Partial<ShopifyGlobal> }).shopify;
  if (!shopify?.toast || !shopify.saveBar || !shopify.modal || typeof shopify.resourcePicker !== "function")
    return null;
  return shopify as ShopifyUi;
}

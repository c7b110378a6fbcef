/**
 * The language of a storefront request. Shopify serves the primary language at the root and
 * each published alternate language under its own subfolder (`/de/products/...`); any other
 * prefix is not a storefront language (null: the page does not exist).
 */
export function storefrontLocale(
  shop: { locale: string; alternateLocales?: string[] },
  prefix: string | undefined,
): string | null {
  if (prefix === undefined) return shop.locale;
  return (shop.alternateLocales ?? []).includes(prefix) ? prefix : null;
}

import type { VariantVariables } from "../emails/templates/variables.ts";
import type { EmailShop, EmailVariant } from "./email-send-caches.ts";
import { storefrontLink } from "./storefront-link.ts";

/** Storefront product page preselecting the variant, plus optional query parameters. */
export function productUrl(
  shop: EmailShop,
  variant: EmailVariant,
  extra: Record<string, string> = {},
): string {
  return storefrontLink(
    shop.variables.url,
    variant.handle ? `products/${encodeURIComponent(variant.handle)}` : "",
    { variant: variant.variantId.toString(), ...extra },
  );
}

export function variantVariables(shop: EmailShop, variant: EmailVariant, url: string): VariantVariables {
  return { title: variant.title, product_title: variant.productTitle, image_url: variant.imageUrl, url };
}

// Building an Intl.NumberFormat costs far more than formatting with one (locale data lookup), and
// a fan-out formats the same price thousands of times: one formatter per (locale, currency).
const formatters = new Map<string, Intl.NumberFormat | null>();

function priceFormatter(locale: string, currency: string): Intl.NumberFormat | null {
  const key = `${locale}|${currency}`;
  let formatter = formatters.get(key);
  if (formatter === undefined) {
    try {
      formatter = new Intl.NumberFormat(locale, { style: "currency", currency });
    } catch {
      formatter = null; // an unknown currency code or locale: remembered, not retried per email
    }
    if (formatters.size >= 500) formatters.clear(); // locales x currencies in use stay few
    formatters.set(key, formatter);
  }
  return formatter;
}

/** The price in the shop's currency, written the way the email's language writes money. */
export function formatPrice(price: string | null, currency: string | null, locale: string): string {
  if (price === null) return "";
  if (!currency) return price;
  const formatter = priceFormatter(locale, currency);
  // An unknown currency code must not stop the email.
  return formatter ? formatter.format(Number(price)) : `${price} ${currency}`;
}

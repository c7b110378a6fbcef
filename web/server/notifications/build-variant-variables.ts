import type { VariantVariables } from "../emails/templates/variables.ts";
import type { EmailShop, EmailVariant } from "./email-send-caches.ts";

/** Storefront product page preselecting the variant, plus optional query parameters. */
export function productUrl(
  shop: EmailShop,
  variant: EmailVariant,
  extra: Record<string, string> = {},
): string {
  const url = new URL(
    variant.handle ? `/products/${encodeURIComponent(variant.handle)}` : "/",
    shop.variables.url,
  );
  url.searchParams.set("variant", variant.variantId.toString());
  for (const [key, value] of Object.entries(extra)) url.searchParams.set(key, value);
  return url.toString();
}

export function variantVariables(shop: EmailShop, variant: EmailVariant, url: string): VariantVariables {
  return { title: variant.title, product_title: variant.productTitle, image_url: variant.imageUrl, url };
}

/** The price in the shop's currency, written the way the email's language writes money. */
export function formatPrice(price: string | null, currency: string | null, locale: string): string {
  if (price === null) return "";
  const amount = Number(price);
  if (!currency) return price;
  try {
    return new Intl.NumberFormat(locale, { style: "currency", currency }).format(amount);
  } catch {
    return `${price} ${currency}`; // an unknown currency code must not stop the email
  }
}

import type { SimShop } from "../store/store-types.ts";

/** app/uninstalled sends the shop object. */
export function shopPayload(shop: SimShop, primaryLocationId: bigint | null): Record<string, unknown> {
  return {
    id: shop.id,
    name: shop.name,
    email: shop.email,
    domain: shop.domain,
    country: "US",
    country_code: "US",
    currency: shop.currency,
    customer_email: shop.email,
    iana_timezone: shop.ianaTimezone,
    primary_locale: shop.locale,
    myshopify_domain: shop.domain,
    primary_location_id: primaryLocationId,
    plan_name: "basic",
    plan_display_name: "Basic",
    money_format: "${{amount}}",
    created_at: shop.createdAt.toISOString(),
    updated_at: shop.createdAt.toISOString(),
  };
}

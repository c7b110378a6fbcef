import type { Config } from "../config.ts";
import { alertsPageUrl } from "../emails/templates/layout-strings.ts";
import { productUrl } from "../notifications/build-variant-variables.ts";
import { LINK_TOKEN_PARAM } from "../notifications/restock-product-link.ts";
import type { EmailShop, EmailVariant } from "../notifications/email-send-caches.ts";
import { signProductLinkToken } from "../subscriptions/subscription-tokens.ts";

const SMS_UTM = { utm_source: "backorder-hub", utm_medium: "sms", utm_campaign: "restock" } as const;

/** The variables of an SMS template: the same product link (signed, for attribution) as the email's. */
export function smsVariables(
  config: Pick<Config, "apiSecrets">,
  shop: EmailShop,
  variant: EmailVariant,
  subscriptionId: string,
): Record<string, unknown> {
  return {
    shop: { name: shop.variables.name, url: shop.variables.url },
    product_title: variant.productTitle,
    variant_title: variant.title,
    url: productUrl(shop, variant, {
      ...SMS_UTM,
      [LINK_TOKEN_PARAM]: signProductLinkToken(config.apiSecrets[0]!, subscriptionId),
    }),
    alerts_url: alertsPageUrl(shop.variables.url) ?? "",
  };
}

/**
 * Every alert text carries the link to the shopper alerts page (docs/sms.md): a merchant's text
 * that leaves `{{ alerts_url }}` out gets it appended. Pure.
 */
export function withAlertsLink(text: string, alertsUrl: string): string {
  if (!alertsUrl || text.includes(alertsUrl)) return text;
  return `${text} ${alertsUrl}`;
}

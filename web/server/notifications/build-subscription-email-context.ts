import type { Notification, Subscription } from "@prisma/client";
import type { Config } from "../config.ts";
import type { DoubleOptInContext, RestockContext } from "../emails/templates/variables.ts";
import { signProductLinkToken } from "../subscriptions/subscription-tokens.ts";
import { formatPrice, productUrl, variantVariables } from "./build-variant-variables.ts";
import { restockProductLink } from "./restock-product-link.ts";
import type { EmailShop, EmailVariant } from "./email-send-caches.ts";

export function unsubscribeUrl(
  config: Pick<Config, "appUrl">,
  subscription: Pick<Subscription, "unsubscribeToken">,
): string {
  return `${config.appUrl}/unsubscribe/${subscription.unsubscribeToken}`;
}

/** What a restock email says differently to each subscriber (docs/fanout-performance.md). */
export type RestockRecipientValues = { email: string; url: string; unsubscribeUrl: string };

/** The subscriber's own address, product link (signed attribution token) and unsubscribe link. */
export function restockRecipientValues(
  config: Pick<Config, "appUrl" | "apiSecrets">,
  shop: EmailShop,
  variant: EmailVariant,
  subscription: Subscription,
  notification: Pick<Notification, "recipient">,
): RestockRecipientValues {
  return {
    email: notification.recipient,
    url: restockProductLink(shop, variant, signProductLinkToken(config.apiSecrets[0]!, subscription.id)),
    unsubscribeUrl: unsubscribeUrl(config, subscription),
  };
}

/** The restock template's context around a subscriber's values (real ones, or a wave's slots). */
export function restockContextFor(
  shop: EmailShop,
  variant: EmailVariant,
  locale: string,
  values: RestockRecipientValues,
): RestockContext {
  return {
    shop: shop.variables,
    locale,
    recipient: { email: values.email },
    variant: {
      ...variantVariables(shop, variant, values.url),
      price: formatPrice(variant.price, shop.currency, locale),
    },
    unsubscribe_url: values.unsubscribeUrl,
  };
}

export function doubleOptInContext(
  config: Pick<Config, "appUrl">,
  shop: EmailShop,
  variant: EmailVariant,
  subscription: Subscription,
  notification: Pick<Notification, "recipient" | "locale">,
): DoubleOptInContext {
  return {
    shop: shop.variables,
    locale: notification.locale,
    recipient: { email: notification.recipient },
    variant: variantVariables(shop, variant, productUrl(shop, variant)),
    confirm_url: `${config.appUrl}/subscriptions/confirm/${subscription.confirmToken}`,
    unsubscribe_url: unsubscribeUrl(config, subscription),
  };
}

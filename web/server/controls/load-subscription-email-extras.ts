import type { Db } from "../db/create-prisma.ts";
import { loadAlternatives, type AlternativeVariables } from "./load-alternatives.ts";
import type { EmailShopFacts } from "./load-email-extras.ts";

/**
 * In-stock alternatives for a shopper waiting for a restock (the double_opt_in email), when the
 * merchant turned them on. Empty object otherwise: the template block renders nothing.
 */
export async function loadSubscriptionEmailExtras(
  db: Db,
  shop: EmailShopFacts,
  subscription: { shopId: string; variantId: bigint; locale: string },
): Promise<{ alternatives?: AlternativeVariables[] }> {
  const settings = await db.shopSettings.findUnique({
    where: { shopId: subscription.shopId },
    select: { alternativesEnabled: true, alternativeProductIds: true },
  });
  if (!settings?.alternativesEnabled) return {};
  return {
    alternatives: await loadAlternatives(db, {
      shopId: subscription.shopId,
      variantIds: [subscription.variantId],
      extraProductIds: settings.alternativeProductIds.map((id) => BigInt(id)),
      shopUrl: shop.url,
      currency: shop.currency,
      locale: subscription.locale,
    }),
  };
}

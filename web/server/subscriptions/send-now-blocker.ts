/** Why the merchant's "send restock alert now" cannot start a wave for a variant. */
export type SendNowBlocker = "unknown_variant" | "nobody_waiting" | "not_in_stock";

/**
 * Pure: the rule "send now" applies (web/server/subscriptions/start-manual-restock.ts), also shown in
 * the admin beside the disabled button. A wave needs the variant, someone waiting (ACTIVE), and
 * stock above the restock threshold when Shopify tracks the variant's inventory.
 */
export function sendNowBlocker(
  variant: { deleted: boolean; tracked: boolean; available: number } | null,
  waiting: number,
  restockThreshold: number,
): SendNowBlocker | null {
  if (!variant || variant.deleted) return "unknown_variant";
  if (waiting === 0) return "nobody_waiting";
  if (variant.tracked && variant.available <= restockThreshold) return "not_in_stock";
  return null;
}

import type { Notification } from "@prisma/client";
import type { Config } from "../config.ts";
import type { Db } from "../db/create-prisma.ts";
import { formatEmailDate } from "../emails/render/format-email-date.ts";
import { isShopifyIdText } from "../shopify-id.ts";
import { signCancelToken } from "./cancel-token.ts";
import { formatMoney } from "../format/format-money.ts";
import { loadAlternatives, type AlternativeVariables } from "./load-alternatives.ts";
import { DISCOUNT_EMAIL_KINDS, readOrderDiscount } from "./order-discount-state.ts";

/** Optional template variables of the order emails; absent keys render nothing. */
export type OrderEmailExtras = {
  discount?: { code: string; value: string; ends_at: string | null; ends_at_formatted: string | null };
  alternatives?: AlternativeVariables[];
  cancel_url?: string;
};

export type EmailExtrasDeps = {
  db: Db;
  config: Pick<Config, "apiSecrets" | "appUrl">;
  now: () => Date;
};

export type EmailShopFacts = { url: string; currency: string | null };

/**
 * Built when the email is rendered (the send job), not when it is decided, so the alternatives show
 * today's stock. The discount code is only read here: the create-order-discount job made it before
 * the send (the send waits for it, send-notification-batch.ts); an email never calls Shopify.
 */
export async function loadOrderEmailExtras(
  deps: EmailExtrasDeps,
  shop: EmailShopFacts,
  row: Pick<Notification, "id" | "shopId" | "orderId" | "kind" | "locale" | "context">,
): Promise<OrderEmailExtras> {
  if (row.orderId === null) return {};
  const settings = await deps.db.shopSettings.findUnique({ where: { shopId: row.shopId } });
  if (!settings) return {};
  const extras: OrderEmailExtras = {};
  if (DISCOUNT_EMAIL_KINDS.includes(row.kind)) {
    const found = await readOrderDiscount(deps.db, row.shopId, row.orderId, deps.now());
    const discount = found.state === "ready" ? found.row : null;
    if (discount) {
      const endsAt = discount.endsAt ? discount.endsAt.toISOString().slice(0, 10) : null;
      extras.discount = {
        code: discount.code,
        value:
          discount.valueType === "amount"
            ? formatMoney(discount.value.toFixed(2), shop.currency, row.locale)
            : `${discount.value.toNumber()}%`,
        ends_at: endsAt,
        ends_at_formatted: formatEmailDate(endsAt, row.locale),
      };
    }
  }
  if (row.kind !== "eta_changed") return extras;
  const lineItemIds = storedLineIds(row.context);
  if (settings.alternativesEnabled && lineItemIds.length > 0) {
    const lines = await deps.db.backorderLine.findMany({
      where: { shopId: row.shopId, lineItemId: { in: lineItemIds } },
      select: { variantId: true },
    });
    extras.alternatives = await loadAlternatives(deps.db, {
      shopId: row.shopId,
      variantIds: [...new Set(lines.map((l) => l.variantId))],
      extraProductIds: settings.alternativeProductIds.map((id) => BigInt(id)),
      shopUrl: shop.url,
      currency: shop.currency,
      locale: row.locale,
    });
  }
  if (settings.cancelLinkEnabled && lineItemIds.length > 0) {
    const token = signCancelToken(deps.config.apiSecrets[0]!, {
      shopId: row.shopId,
      orderId: row.orderId,
      lineItemIds,
      notificationId: row.id,
    });
    extras.cancel_url = `${deps.config.appUrl.replace(/\/+$/, "")}/backorders/cancel/${token}`;
  }
  return extras;
}

/** The backorder engine records each listed line's id in the context (build-order-email-context.ts). */
function storedLineIds(context: unknown): bigint[] {
  const lines = (context as { lines?: { line_item_id?: unknown }[] } | null)?.lines ?? [];
  return lines
    .map((l) => l.line_item_id)
    .filter((id): id is string => typeof id === "string" && isShopifyIdText(id))
    .map((id) => BigInt(id));
}

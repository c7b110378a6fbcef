import type { Prisma } from "@prisma/client";
import { formatEmailDate } from "../emails/render/format-email-date.ts";
import type { OrderEmailLine } from "./plan-order-emails.ts";

export type EmailLine = OrderEmailLine & {
  title: string;
  variantTitle: string | null;
  message: string | null;
  /** Units ordered on the line (its open quantity when the order line is unknown). */
  orderedQuantity: number;
  /** Backordered units of this episode now in stock (backorder-line-history.ts readyQuantity). */
  readyQuantity: number;
};

/**
 * The order part of a backorder email's template context (OrderContext in emails/templates/
 * variables.ts); the sender adds shop, locale and recipient. `line_item_id` and `eta` per line are
 * also this engine's record of what the customer was told (plan-order-emails reads them back).
 */
export function buildOrderEmailContext(
  order: { name: string | null; statusUrl: string | null; customerFirstName: string | null; orderId: bigint },
  lines: readonly (EmailLine & { previousEta: string | null })[],
  locale: string,
): Prisma.InputJsonValue {
  return {
    // Without a status URL the sender links the shop instead.
    order: { name: order.name ?? `#${order.orderId}`, ...(order.statusUrl ? { url: order.statusUrl } : {}) },
    customer: { first_name: order.customerFirstName ?? null },
    lines: lines.map((line) => ({
      line_item_id: String(line.lineItemId),
      title: line.title,
      // Shopify names the only variant of a product "Default Title": not worth showing a customer.
      variant_title: line.variantTitle && line.variantTitle !== "Default Title" ? line.variantTitle : null,
      quantity: line.quantity,
      backordered_quantity: line.backorderedQuantity,
      ordered_quantity: line.orderedQuantity,
      shipped_quantity: Math.max(0, line.orderedQuantity - line.quantity),
      ready_quantity: line.readyQuantity,
      eta: line.eta,
      eta_formatted: formatEmailDate(line.eta, locale),
      message: line.message,
      previous_eta: line.previousEta,
      previous_eta_formatted: formatEmailDate(line.previousEta, locale),
    })),
  };
}

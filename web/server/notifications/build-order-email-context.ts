import type { Notification } from "@prisma/client";
import { z } from "zod";
import type { Db } from "../db/create-prisma.ts";
import type { EtaChangedLineVariables, OrderContext } from "../emails/templates/variables.ts";
import { calendarDate } from "../etas/resolve-eta.ts";
import type { EmailShop } from "./email-send-caches.ts";

const lineSchema = z
  .object({
    title: z.string(),
    variant_title: z.string().nullable().default(null),
    quantity: z.number().int(),
    backordered_quantity: z.number().int(),
    // Absent from contexts stored before the line history: derived from the counts above.
    ordered_quantity: z.number().int().optional(),
    shipped_quantity: z.number().int().optional(),
    ready_quantity: z.number().int().optional(),
    eta: z.string().nullable().default(null),
    eta_formatted: z.string().nullable().default(null),
    message: z.string().nullable().default(null),
    previous_eta_formatted: z.string().nullable().default(null),
  })
  .transform((line) => ({
    ...line,
    ordered_quantity: line.ordered_quantity ?? line.quantity,
    shipped_quantity: line.shipped_quantity ?? 0,
    ready_quantity: line.ready_quantity ?? Math.max(0, line.quantity - line.backordered_quantity),
    remaining_backordered_quantity: line.backordered_quantity,
  }));

/**
 * What the backorder engine stores in Notification.context for the order kinds (written when the
 * email is decided, so the email says what was true then). `order` may be left out: it is read
 * from the Order row.
 */
export const orderNotificationContextSchema = z.object({
  order: z.object({ name: z.string(), url: z.string() }).partial().optional(),
  customer: z.object({ first_name: z.string().nullable().optional() }).optional(),
  lines: z.array(lineSchema).min(1),
});

export type OrderNotificationContext = z.input<typeof orderNotificationContextSchema>;

/**
 * Throws a ZodError when the stored context is unusable (a bug upstream: never retried). `now` is
 * the send time: a line's ETA that has passed by then is left out (see withoutPastEtas).
 */
export async function orderEmailContext(
  db: Db,
  shop: EmailShop,
  notification: Pick<Notification, "shopId" | "orderId" | "recipient" | "locale" | "context">,
  now: Date,
): Promise<OrderContext<EtaChangedLineVariables>> {
  const stored = orderNotificationContextSchema.parse(notification.context);
  const order =
    notification.orderId === null
      ? null
      : await db.order.findUnique({
          where: { shopId_orderId: { shopId: notification.shopId, orderId: notification.orderId } },
          select: { name: true },
        });
  return {
    shop: shop.variables,
    locale: notification.locale,
    recipient: { email: notification.recipient },
    order: {
      name: stored.order?.name ?? order?.name ?? "",
      url: stored.order?.url ?? shop.variables.url,
    },
    customer: { first_name: stored.customer?.first_name ?? null },
    lines: withoutPastEtas(stored.lines, calendarDate(now, shop.timezone)),
  };
}

/**
 * A date that has passed is no estimate: a customer is never told one. The context is written when
 * the email is decided, and it may go out later (held, retried), or the merchant's date may already
 * be past; either way such a line reads as having no date ("to be confirmed" in the templates).
 * The previous ETA of an "ETA changed" email stays: it says what the customer was told before.
 */
export function withoutPastEtas<L extends { eta: string | null; eta_formatted: string | null }>(
  lines: readonly L[],
  today: string,
): L[] {
  return lines.map((line) =>
    line.eta !== null && line.eta < today ? { ...line, eta: null, eta_formatted: null } : line,
  );
}

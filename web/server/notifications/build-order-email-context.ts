import type { Notification } from "@prisma/client";
import { z } from "zod";
import type { Db } from "../db/create-prisma.ts";
import type { EtaChangedLineVariables, OrderContext } from "../emails/templates/variables.ts";
import type { EmailShop } from "./email-send-caches.ts";

const lineSchema = z.object({
  title: z.string(),
  variant_title: z.string().nullable().default(null),
  quantity: z.number().int(),
  backordered_quantity: z.number().int(),
  eta: z.string().nullable().default(null),
  eta_formatted: z.string().nullable().default(null),
  message: z.string().nullable().default(null),
  previous_eta_formatted: z.string().nullable().default(null),
});

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

/** Throws a ZodError when the stored context is unusable (a bug upstream: never retried). */
export async function orderEmailContext(
  db: Db,
  shop: EmailShop,
  notification: Pick<Notification, "shopId" | "orderId" | "recipient" | "locale" | "context">,
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
    lines: stored.lines,
  };
}

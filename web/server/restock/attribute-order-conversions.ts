import { Prisma } from "@prisma/client";
import { z } from "zod";
import { toBigInt } from "../shopify-id.ts";
import type { WebhookContext } from "../webhooks/topic-handler-type.ts";
import { normalizePhone } from "../sms/phone-number.ts";
import { normalizeEmail } from "../subscriptions/normalize-email.ts";

const id = z
  .unknown()
  .transform((v, ctx) => toBigInt(v) ?? (ctx.addIssue({ code: "custom", message: "not an id" }), z.NEVER));
const orderSchema = z.object({
  id,
  email: z.string().nullish(),
  contact_email: z.string().nullish(),
  phone: z.string().nullish(),
  shipping_address: z.object({ phone: z.string().nullish(), country_code: z.string().nullish() }).nullish(),
  billing_address: z.object({ phone: z.string().nullish(), country_code: z.string().nullish() }).nullish(),
  created_at: z.string(),
  currency: z.string().nullish(),
  line_items: z.array(
    z.object({
      id,
      variant_id: z.unknown().transform((v) => toBigInt(v)),
      price: z.string(),
      quantity: z.number().int(),
      total_discount: z.string().nullish(),
    }),
  ),
});

/**
 * orders/create: each line of a variant whose restock alert reached this order's address (email)
 * or phone (SMS, docs/sms.md) within the attribution window before the order counts once as a
 * conversion of that alert (the latest one), with the line's revenue. The unique (shop, line item) makes replays harmless.
 */
export async function attributeOrderConversions(ctx: WebhookContext, payload: unknown): Promise<number> {
  const { db } = ctx.deps;
  const order = orderSchema.parse(payload);
  const email = normalizeEmail(order.email ?? order.contact_email ?? "");
  const address = order.shipping_address ?? order.billing_address;
  const rawPhone = order.phone ?? order.shipping_address?.phone ?? order.billing_address?.phone ?? "";
  const phone = rawPhone ? normalizePhone(rawPhone, address?.country_code) : null;
  const recipients = [email, phone].filter((r): r is string => Boolean(r));
  const lines = order.line_items.filter((l) => l.variant_id !== null);
  if (recipients.length === 0 || lines.length === 0) return 0;
  const orderedAt = new Date(order.created_at);
  if (Number.isNaN(orderedAt.getTime())) return 0;
  const settings = await db.shopSettings.findUnique({
    where: { shopId: ctx.shop.id },
    select: { attributionWindowDays: true },
  });
  const windowMs = (settings?.attributionWindowDays ?? 7) * 24 * 3600 * 1000;

  const sent = await db.notification.findMany({
    where: {
      shopId: ctx.shop.id,
      recipient: { in: recipients },
      kind: "restock",
      status: "SENT",
      sentAt: { gte: new Date(orderedAt.getTime() - windowMs), lte: orderedAt },
    },
    select: { id: true, restockEventId: true },
    orderBy: { sentAt: "desc" },
  });
  if (sent.length === 0) return 0;
  const events = await db.restockEvent.findMany({
    where: { id: { in: sent.map((n) => n.restockEventId).filter((v): v is string => v !== null) } },
    select: { id: true, variantId: true },
  });
  const variantOf = new Map(events.map((e) => [e.id, e.variantId]));
  const conversions = lines.flatMap((line) => {
    const alert = sent.find(
      (n) => n.restockEventId !== null && variantOf.get(n.restockEventId) === line.variant_id,
    );
    if (!alert) return [];
    const revenue = new Prisma.Decimal(line.price)
      .mul(line.quantity)
      .sub(new Prisma.Decimal(line.total_discount ?? "0"));
    return [
      {
        shopId: ctx.shop.id,
        notificationId: alert.id,
        orderId: order.id,
        lineItemId: line.id,
        variantId: line.variant_id!,
        revenue,
        currency: order.currency ?? null,
      },
    ];
  });
  if (conversions.length === 0) return 0;
  const result = await db.conversion.createMany({ data: conversions, skipDuplicates: true });
  return result.count;
}

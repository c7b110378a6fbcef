import { z } from "zod";
import { toBigInt } from "../shopify-id.ts";
import { normalizePhone } from "../sms/phone-number.ts";
import { normalizeEmail } from "../subscriptions/normalize-email.ts";

// Optional: a customer record holding only an email comes without an id.
const optionalId = z
  .unknown()
  .optional()
  .transform((v) => toBigInt(v));

// Shopify's customers/redact and customers/data_request: shop_id, shop_domain, customer {id, email,
// phone}, orders_to_redact / orders_requested. A customer record may hold only the email: then
// there is no id, and the request is matched by address (docs/privacy.md).
export const customerPayloadSchema = z.object({
  customer: z
    .object({
      id: optionalId,
      email: z.string().nullish(),
      phone: z.string().nullish(),
    })
    .nullish()
    .transform((c) => c ?? { id: null, email: null, phone: null }),
  data_request: z.object({ id: optionalId }).nullish(),
});

export type CustomerIdentity = { customerId: bigint | null; email: string | null; phone?: string | null };

/** Who the request is about: the customer id, the normalised address, or both. */
export function customerIdentity(payload: unknown): CustomerIdentity & { requestId: string | null } {
  const parsed = customerPayloadSchema.parse(payload);
  return {
    customerId: parsed.customer.id,
    email: parsed.customer.email ? normalizeEmail(parsed.customer.email) : null,
    phone: parsed.customer.phone ? normalizePhone(parsed.customer.phone, null) : null,
    requestId: parsed.data_request?.id?.toString() ?? null,
  };
}

/** Subscriptions that belong to the customer: by address or by the logged-in customer id. */
export function subscriptionWhere(shopId: string, who: CustomerIdentity) {
  const or = [
    ...(who.email ? [{ email: who.email }] : []),
    ...(who.phone ? [{ phone: who.phone }] : []),
    ...(who.customerId !== null ? [{ customerId: who.customerId }] : []),
  ];
  return { shopId, OR: or.length > 0 ? or : [{ id: "__none__" }] };
}

/** Order ids listed by the request (orders_to_redact, or orders_requested for a data request). */
export function listedOrderIds(payload: unknown, key: "orders_to_redact" | "orders_requested"): bigint[] {
  const list = (payload as Record<string, unknown> | null)?.[key];
  return Array.isArray(list) ? list.map((id) => toBigInt(id)).filter((id): id is bigint => id !== null) : [];
}

/** The customer's orders: by customer id, by address, or listed by Shopify in the request. */
export function orderWhere(shopId: string, who: CustomerIdentity, orderIds: bigint[]) {
  const or = [
    ...(who.customerId !== null ? [{ customerId: who.customerId }] : []),
    ...(who.email ? [{ email: { equals: who.email, mode: "insensitive" as const } }] : []),
    ...(orderIds.length > 0 ? [{ orderId: { in: orderIds } }] : []),
  ];
  return { shopId, OR: or.length > 0 ? or : [{ id: "__none__" }] };
}

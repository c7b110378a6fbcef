import { z } from "zod";
import { toBigInt } from "../../../jobs/webhooks/parse-webhook-body.ts";
import { normalizeEmail } from "../subscriptions/normalize-email.ts";

const optionalId = z.unknown().transform((v) => toBigInt(v));

export const customerPayloadSchema = z.object({
  customer: z.object({
    id: optionalId,
    email: z.string().nullish(),
  }),
  data_request: z.object({ id: optionalId }).nullish(),
});

export type CustomerIdentity = { customerId: bigint | null; email: string | null };

/** Who the request is about: the customer id, the normalised address, or both. */
export function customerIdentity(payload: unknown): CustomerIdentity & { requestId: string | null } {
  const parsed = customerPayloadSchema.parse(payload);
  return {
    customerId: parsed.customer.id,
    email: parsed.customer.email ? normalizeEmail(parsed.customer.email) : null,
    requestId: parsed.data_request?.id?.toString() ?? null,
  };
}

/** Subscriptions that belong to the customer: by address or by the logged-in customer id. */
export function subscriptionWhere(shopId: string, who: CustomerIdentity) {
  const or = [
    ...(who.email ? [{ email: who.email }] : []),
    ...(who.customerId !== null ? [{ customerId: who.customerId }] : []),
  ];
  return { shopId, OR: or.length > 0 ? or : [{ id: "__none__" }] };
}

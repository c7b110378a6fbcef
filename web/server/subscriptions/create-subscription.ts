import type { Queues } from "../queues/create-queues.ts";
import type { Db } from "../db/create-prisma.ts";
import { enqueueNotifications } from "../notifications/enqueue-notification.ts";
import { unknownVariantError } from "./check-signup-variant.ts";
import { emitSubscriptionEvent } from "../integrations/events/subscription-events.ts";
import { newLinkToken } from "./subscription-tokens.ts";

export type SignupInput = {
  email: string | null; // normalised; null for a phone-only alert
  /** E.164, given only with the explicit SMS consent box ticked. */
  phone?: string | null;
  /** The merchant's consent text the shopper agreed to. */
  smsConsentText?: string | null;
  variantId: bigint;
  locale: string;
  marketingConsent: boolean;
  customerId: bigint | null;
};

export type SignupResult = { created: boolean };

/**
 * One live subscription per (shop, variant, email), enforced by the unique activeKey: a repeat
 * signup creates nothing and sends nothing. With double opt-in, and always for an address that
 * unsubscribed before (no silent re-subscription), it starts PENDING and a confirmation goes out.
 */
export async function createSubscription(
  deps: { db: Db; queues: Queues },
  shopId: string,
  input: SignupInput,
  now: Date,
): Promise<SignupResult> {
  const variant = await deps.db.variant.findUnique({
    where: { shopId_variantId: { shopId, variantId: input.variantId } },
    select: { deletedAt: true },
  });
  if (!variant || variant.deletedAt) {
    throw unknownVariantError();
  }
  const [settings, suppression] = await Promise.all([
    deps.db.shopSettings.findUnique({ where: { shopId }, select: { doubleOptIn: true } }),
    input.email === null
      ? null
      : deps.db.suppression.findUnique({
          where: { shopId_email: { shopId, email: input.email } },
          select: { reason: true },
        }),
  ]);
  // Double opt-in confirms an address; a phone-only alert rests on the explicit SMS consent box.
  const confirm = input.email !== null && ((settings?.doubleOptIn ?? true) || suppression !== null);
  const phone = input.phone ?? null;
  const [created] = await deps.db.subscription.createManyAndReturn({
    data: [
      {
        shopId,
        variantId: input.variantId,
        email: input.email,
        phone,
        smsConsentAt: phone ? now : null,
        smsConsentText: phone ? (input.smsConsentText ?? null) : null,
        status: confirm ? "PENDING" : "ACTIVE",
        activeKey: `${input.variantId}:${input.email ?? phone}`,
        locale: input.locale,
        // Consent someone typed for an address counts once its owner confirms (double opt-in).
        marketingConsent: confirm ? false : input.marketingConsent,
        marketingConsentRequested: input.marketingConsent,
        customerId: input.customerId,
        confirmToken: newLinkToken(),
        unsubscribeToken: newLinkToken(),
        createdAt: now,
        confirmedAt: confirm ? null : now,
      },
    ],
    skipDuplicates: true,
    select: { id: true },
  });
  if (!created) return { created: false };
  await emitSubscriptionEvent(deps, "subscription.created", { id: created.id });
  if (confirm && input.email !== null) {
    await enqueueNotifications(deps, [
      {
        shopId,
        kind: "double_opt_in",
        idempotencyKey: `double_opt_in:${created.id}`,
        recipient: input.email,
        locale: input.locale,
        subscriptionId: created.id,
      },
    ]);
  }
  return { created: true };
}

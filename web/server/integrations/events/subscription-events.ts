import type { Queues } from "../../queues/create-queues.ts";
import type { Db } from "../../db/create-prisma.ts";
import { emitIntegrationEvent } from "./emit-integration-event.ts";
import { variantSummary } from "./event-fields.ts";

type SubscriptionEventType = "subscription.created" | "subscription.confirmed" | "subscription.unsubscribed";

/**
 * A back-in-stock subscription was created, confirmed or ended. Found by id or by one of its link
 * tokens; keyed by the subscription (and its end time), so repeating the action emits nothing new.
 */
export async function emitSubscriptionEvent(
  deps: { db: Db; queues: Queues },
  type: SubscriptionEventType,
  where: { id: string } | { confirmToken: string } | { unsubscribeToken: string },
): Promise<void> {
  const sub = await deps.db.subscription.findUnique({
    where,
    select: {
      id: true,
      shopId: true,
      variantId: true,
      email: true,
      status: true,
      locale: true,
      marketingConsent: true,
      createdAt: true,
      confirmedAt: true,
      unsubscribedAt: true,
    },
  });
  if (!sub) return;
  if (type === "subscription.unsubscribed" && !sub.unsubscribedAt) return;
  if (type === "subscription.confirmed" && !sub.confirmedAt) return;
  await emitIntegrationEvent(deps, sub.shopId, {
    type,
    key: type === "subscription.unsubscribed" ? `${sub.id}:${sub.unsubscribedAt!.toISOString()}` : sub.id,
    email: sub.email,
    data: {
      subscription: {
        id: sub.id,
        email: sub.email,
        status: sub.status,
        locale: sub.locale,
        marketingConsent: sub.marketingConsent,
        createdAt: sub.createdAt.toISOString(),
      },
      variant: await variantSummary(deps.db, sub.shopId, sub.variantId),
    },
  });
}

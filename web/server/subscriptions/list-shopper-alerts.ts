import type { AppDeps } from "../app-deps.ts";
import { describeConfirmSubject } from "./confirm-subscription.ts";
import type { ShopperAlert } from "./render-alerts-page.ts";

/** The alerts the shopper page lists and cancels: not yet sent, expired or cancelled. */
export const LIVE_ALERT_STATUSES = ["PENDING", "ACTIVE"] as const;

/** Whose alerts: a logged-in customer's (by customer id) or a guest's opened link (by address). */
export type AlertOwner = { customerId: string } | { email: string };

function ownerWhere(owner: AlertOwner) {
  return "customerId" in owner ? { customerId: BigInt(owner.customerId) } : { email: owner.email };
}

/** The owner's live alerts in this shop, newest first, each with the token its cancel button posts. */
export async function listShopperAlerts(
  deps: Pick<AppDeps, "db">,
  shopId: string,
  owner: AlertOwner,
  cancelTokenFor: (subscriptionId: string) => string,
): Promise<ShopperAlert[]> {
  const subs = await deps.db.subscription.findMany({
    where: { shopId, ...ownerWhere(owner), status: { in: [...LIVE_ALERT_STATUSES] } },
    include: { shop: { select: { name: true, domain: true } } },
    orderBy: { createdAt: "desc" },
    take: 200,
  });
  return Promise.all(
    subs.map(async (sub) => {
      const subject = await describeConfirmSubject(deps.db, sub);
      return {
        productTitle: subject.productTitle,
        variantTitle: subject.variantTitle,
        status: sub.status as ShopperAlert["status"],
        createdAt: sub.createdAt,
        cancelToken: cancelTokenFor(sub.id),
      };
    }),
  );
}

/** Cancels one of the owner's live alerts; false when it is not theirs or not live any more. */
export async function cancelShopperAlert(
  deps: Pick<AppDeps, "db" | "now">,
  shopId: string,
  owner: AlertOwner,
  subscriptionId: string,
): Promise<boolean> {
  const { count } = await deps.db.subscription.updateMany({
    where: {
      id: subscriptionId,
      shopId,
      ...ownerWhere(owner),
      status: { in: [...LIVE_ALERT_STATUSES] },
    },
    data: { status: "UNSUBSCRIBED", unsubscribedAt: deps.now(), activeKey: null },
  });
  return count === 1;
}

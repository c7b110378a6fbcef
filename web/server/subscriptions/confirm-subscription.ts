import type { Db } from "../db/create-prisma.ts";
import { isConfirmWindowOver } from "./expire-unconfirmed-subscriptions.ts";

export type ConfirmResult =
  | { outcome: "confirmed" | "already_confirmed" | "expired" | "unsubscribed"; shopName: string }
  | { outcome: "not_found" };

/**
 * Follows a double opt-in link. Idempotent: a second click says "already confirmed". Confirming
 * is the new opt-in that lifts an earlier unsubscribe of this address (never a bounce).
 */
export async function confirmSubscription(db: Db, token: string, now: Date): Promise<ConfirmResult> {
  const sub = await db.subscription.findUnique({
    where: { confirmToken: token },
    include: { shop: { select: { name: true, domain: true } } },
  });
  if (!sub) return { outcome: "not_found" };
  const shopName = sub.shop.name ?? sub.shop.domain;
  if (sub.status === "ACTIVE" || sub.status === "NOTIFIED") return { outcome: "already_confirmed", shopName };
  if (sub.status === "UNSUBSCRIBED") return { outcome: "unsubscribed", shopName };
  if (sub.status === "EXPIRED" || isConfirmWindowOver(sub.createdAt, now)) {
    await db.subscription.updateMany({
      where: { id: sub.id, status: "PENDING" },
      data: { status: "EXPIRED", activeKey: null },
    });
    return { outcome: "expired", shopName };
  }
  await db.$transaction([
    db.subscription.updateMany({
      where: { id: sub.id, status: "PENDING" },
      data: { status: "ACTIVE", confirmedAt: now },
    }),
    db.suppression.deleteMany({ where: { shopId: sub.shopId, email: sub.email, reason: "unsubscribed" } }),
  ]);
  return { outcome: "confirmed", shopName };
}

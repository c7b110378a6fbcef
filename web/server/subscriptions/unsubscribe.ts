import type { Db } from "../db/create-prisma.ts";
import { suppressAddress } from "../notifications/notification-ledger.ts";

export type UnsubscribeLookup =
  | { outcome: "found"; shopName: string; alreadyUnsubscribed: boolean; locale: string }
  | { outcome: "not_found" };

export async function findUnsubscribeToken(db: Db, token: string): Promise<UnsubscribeLookup> {
  const sub = await db.subscription.findUnique({
    where: { unsubscribeToken: token },
    select: { status: true, locale: true, shop: { select: { name: true, domain: true } } },
  });
  if (!sub) return { outcome: "not_found" };
  return {
    outcome: "found",
    shopName: sub.shop.name ?? sub.shop.domain,
    alreadyUnsubscribed: sub.status === "UNSUBSCRIBED",
    locale: sub.locale,
  };
}

/**
 * RFC 8058 one-click (and the page's button). Idempotent. The address is suppressed for the shop,
 * so no alert reaches it any more, and its other live subscriptions there end too: a new signup
 * needs a new confirmation.
 */
export async function unsubscribe(db: Db, token: string, now: Date): Promise<UnsubscribeLookup> {
  const sub = await db.subscription.findUnique({
    where: { unsubscribeToken: token },
    select: {
      shopId: true,
      email: true,
      locale: true,
      shop: { select: { name: true, domain: true } },
    },
  });
  if (!sub) return { outcome: "not_found" };
  if (sub.email !== null) {
    await suppressAddress(db, sub.shopId, sub.email, "unsubscribed");
    await db.subscription.updateMany({
      where: { shopId: sub.shopId, email: sub.email, status: { in: ["PENDING", "ACTIVE"] } },
      data: { status: "UNSUBSCRIBED", unsubscribedAt: now, activeKey: null },
    });
  }
  // The token's own subscription too, even when it was already NOTIFIED (keeps the page honest).
  await db.subscription.updateMany({
    where: { unsubscribeToken: token, status: { not: "UNSUBSCRIBED" } },
    data: { status: "UNSUBSCRIBED", unsubscribedAt: now, activeKey: null },
  });
  return {
    outcome: "found",
    shopName: sub.shop.name ?? sub.shop.domain,
    alreadyUnsubscribed: true,
    locale: sub.locale,
  };
}

import type { Db } from "../db/create-prisma.ts";

/**
 * The number gets no more texts from this shop (STOP, or Twilio's 21610): one suppression row,
 * its SMS rows still waiting are settled SUPPRESSED and its phone-only alerts end, at once.
 * Idempotent.
 */
export async function suppressPhone(
  db: Db,
  shopId: string,
  phone: string,
  reason: string,
  now: Date,
): Promise<void> {
  await db.$transaction([
    db.phoneSuppression.upsert({
      where: { shopId_phone: { shopId, phone } },
      create: { shopId, phone, reason },
      update: {},
    }),
    db.notification.updateMany({
      where: { shopId, channel: "sms", recipient: phone, status: "PENDING" },
      data: { status: "SUPPRESSED", lastError: `phone suppressed: ${reason}` },
    }),
    // A phone-only alert has no other way to reach its shopper: it ends here.
    db.subscription.updateMany({
      where: { shopId, phone, email: null, status: { in: ["PENDING", "ACTIVE"] } },
      data: { status: "UNSUBSCRIBED", unsubscribedAt: now, activeKey: null },
    }),
  ]);
}

/** START / UNSTOP: the number opted back in with the provider; the shop may text it again. */
export async function unsuppressPhone(db: Db, shopId: string, phone: string): Promise<void> {
  await db.phoneSuppression.deleteMany({ where: { shopId, phone, reason: "stop" } });
}

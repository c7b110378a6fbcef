import type { Db } from "../db/create-prisma.ts";

/** Retries used up: a row still waiting becomes FAILED; an outcome already recorded stays. */
export async function markGaveUp(db: Db, id: string, reason: string): Promise<void> {
  await db.notification.updateMany({
    where: { id, status: { in: ["PENDING", "SENDING"] } },
    data: { status: "FAILED", claimedAt: null, lastError: reason.slice(0, 1000) },
  });
}

/** Per shop: an address that bounced or unsubscribed. The first reason recorded stays. */
export async function suppressAddress(
  db: Db,
  shopId: string,
  email: string,
  reason: "unsubscribed" | "bounced",
): Promise<void> {
  await db.suppression.upsert({
    where: { shopId_email: { shopId, email } },
    create: { shopId, email, reason },
    // A bounce is stronger than an unsubscribe (it also stops order emails).
    update: reason === "bounced" ? { reason } : {},
  });
}

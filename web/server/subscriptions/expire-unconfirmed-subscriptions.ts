import type { Db } from "../db/create-prisma.ts";

/** Double opt-in links are valid this long; unconfirmed subscriptions then expire. */
export const CONFIRM_WINDOW_MS = 7 * 24 * 3600 * 1000;

export function isConfirmWindowOver(createdAt: Date, now: Date): boolean {
  return now.getTime() - createdAt.getTime() > CONFIRM_WINDOW_MS;
}

/** PENDING for longer than the confirm window -> EXPIRED, freeing the (variant, email) slot. */
export async function expireUnconfirmedSubscriptions(db: Db, now: Date): Promise<number> {
  const result = await db.subscription.updateMany({
    where: { status: "PENDING", createdAt: { lt: new Date(now.getTime() - CONFIRM_WINDOW_MS) } },
    data: { status: "EXPIRED", activeKey: null },
  });
  return result.count;
}

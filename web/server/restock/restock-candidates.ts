import type { Db } from "../db/create-prisma.ts";

// "Not yet given a ledger row for this event" is checked on the ledger's unique key, so it is an
// index probe per subscriber and stays right when keepSubscribed leaves notified ones ACTIVE.
const restockKey = (eventId: string) => `restock:${eventId}:`;

/** Every restock ledger key of the event starts with this (the subscription id follows). */
export function restockKeyPrefix(eventId: string): string {
  return restockKey(eventId);
}

/** How many subscribers the event has still to notify (for sizing and ending waves). */
export async function countPending(
  db: Db,
  shopId: string,
  variantId: bigint,
  eventId: string,
): Promise<number> {
  const [row] = await db.$queryRaw<{ n: bigint }[]>`
    select count(*)::bigint as n
    from "Subscription" s
    where s."shopId" = ${shopId} and s."variantId" = ${variantId} and s.status = 'ACTIVE'
      and not exists (select 1 from "Notification" n where n."idempotencyKey" = ${restockKey(eventId)} || s.id)`;
  return Number(row?.n ?? 0n);
}

import type { Prisma } from "@prisma/client";
import type { Db } from "../db/create-prisma.ts";

export type Candidate = { id: string; email: string; locale: string; createdAt: Date };
export type Cursor = { createdAt: Date; id: string } | null;

// "Not yet given a ledger row for this event" is checked on the ledger's unique key, so it is an
// index probe per subscriber and stays right when keepSubscribed leaves notified ones ACTIVE.
const restockKey = (eventId: string) => `restock:${eventId}:`;

/** The next `limit` subscribers of the event, oldest subscription first, after the keyset cursor. */
export async function selectCandidates(
  tx: Prisma.TransactionClient,
  shopId: string,
  variantId: bigint,
  eventId: string,
  cursor: Cursor,
  limit: number,
): Promise<Candidate[]> {
  const after = cursor ?? { createdAt: new Date(0), id: "" };
  return tx.$queryRaw<Candidate[]>`
    select s.id, s.email, s.locale, s."createdAt"
    from "Subscription" s
    where s."shopId" = ${shopId} and s."variantId" = ${variantId} and s.status = 'ACTIVE'
      and (s."createdAt", s.id) > (${after.createdAt}, ${after.id})
      and not exists (select 1 from "Notification" n where n."idempotencyKey" = ${restockKey(eventId)} || s.id)
    order by s."createdAt", s.id
    limit ${limit}`;
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

export function restockIdempotencyKey(eventId: string, subscriptionId: string): string {
  return `${restockKey(eventId)}${subscriptionId}`;
}

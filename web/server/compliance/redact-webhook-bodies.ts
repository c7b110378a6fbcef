import type { Prisma } from "@prisma/client";
import type { Db } from "../db/create-prisma.ts";

export type WebhookRedaction = {
  shopDomain: string;
  /** Addresses, matched case-insensitively anywhere in the body. */
  emails: string[];
  /** Customer and order ids, matched as whole numbers (not as part of a longer number). */
  ids: bigint[];
  /** The compliance request being processed (if any): blanked too, left for the worker to mark done. */
  currentEventId: bigint | null;
  now: Date;
};

// LIKE treats % _ \ as wildcards / escape: an address may hold "_".
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Statements (for the caller's transaction) that blank the recorded webhook bodies of one shop
 * naming the customer, and any error text quoting them. An event not yet processed is marked
 * SKIPPED: running it later would store the customer again.
 */
export function redactWebhookBodies(db: Db, r: WebhookRedaction): Prisma.PrismaPromise<number>[] {
  const patterns = r.emails.map(likePattern);
  const idRegex = r.ids.length > 0 ? `(^|[^0-9])(${r.ids.join("|")})([^0-9]|$)` : null;
  if (patterns.length === 0 && idRegex === null) return [];
  const names = `("body" ILIKE ANY($2::text[]) OR ($3::text IS NOT NULL AND "body" ~ $3::text))`;
  return [
    db.$executeRawUnsafe(
      `UPDATE "WebhookEvent" SET "body" = '', "bodyPrunedAt" = $4::timestamp(3),
         "status" = CASE WHEN "status" = 'RECEIVED' AND "id" IS DISTINCT FROM $5::bigint THEN 'SKIPPED'::"WebhookStatus" ELSE "status" END,
         "lastError" = CASE WHEN "status" = 'RECEIVED' AND "id" IS DISTINCT FROM $5::bigint THEN 'customer redacted before processing'
                            ELSE "lastError" END
       WHERE "shopDomain" = $1 AND ${names}`,
      r.shopDomain,
      patterns,
      idRegex,
      r.now.toISOString(),
      r.currentEventId,
    ),
    db.$executeRawUnsafe(
      `UPDATE "WebhookEvent" SET "lastError" = 'redacted'
       WHERE "shopDomain" = $1 AND ("lastError" ILIKE ANY($2::text[]) OR ($3::text IS NOT NULL AND "lastError" ~ $3::text))`,
      r.shopDomain,
      patterns,
      idRegex,
    ),
  ];
}

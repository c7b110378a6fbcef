import type { AppDeps } from "../../web/server/app-deps.ts";

const DAY_MS = 24 * 3600_000;
/** Rows blanked per statement: short transactions, no long lock on the ingress table. */
export const PRUNE_BATCH = 500;

// One shop's processed events past its retention, a batch at a time. Only handled events lose
// their body: RECEIVED ones are still to run and FAILED ones are what an operator replays.
const PRUNE_BATCH_SQL = `WITH due AS (
    SELECT "id" FROM "WebhookEvent"
    WHERE "shopDomain" = $1 AND "status" IN ('PROCESSED', 'SKIPPED')
      AND "processedAt" < $2::timestamp(3) AND "bodyPrunedAt" IS NULL
    ORDER BY "id" LIMIT $3
  )
  UPDATE "WebhookEvent" SET "body" = '', "bodyPrunedAt" = $4::timestamp(3)
  WHERE "id" IN (SELECT "id" FROM due)`;

/**
 * Blanks the bodies of processed webhook events older than each shop's webhookBodyRetentionDays
 * (default 7): the row stays (topic, status, times) for the activity log and deduplication, the
 * customer data in the body goes. Scoped and batched per shop. Returns the rows pruned.
 */
export async function pruneWebhookBodies(deps: AppDeps): Promise<number> {
  const now = deps.now();
  const shops = await deps.db.shop.findMany({
    select: { domain: true, settings: { select: { webhookBodyRetentionDays: true } } },
    orderBy: { domain: "asc" },
  });
  let total = 0;
  for (const shop of shops) {
    const days = shop.settings?.webhookBodyRetentionDays ?? 7;
    const cutoff = new Date(now.getTime() - days * DAY_MS).toISOString();
    for (;;) {
      const pruned = await deps.db.$executeRawUnsafe(
        PRUNE_BATCH_SQL,
        shop.domain,
        cutoff,
        PRUNE_BATCH,
        now.toISOString(),
      );
      total += pruned;
      if (pruned < PRUNE_BATCH) break;
    }
  }
  if (total > 0) deps.logger.info({ count: total }, "pruned webhook bodies past retention");
  return total;
}

import { enqueueSmsBatches } from "./enqueue-sms-batches.ts";
import type { AppDeps } from "../app-deps.ts";

const PENDING_AFTER_MS = 2 * 60_000;
const STALE_CLAIM_AFTER_MS = 5 * 60_000;
const BATCH = 1_000;

/**
 * The SMS ledger's safety net (once a minute, cluster-wide): PENDING rows with no live job (lost
 * between commit and enqueue, or held back by quiet hours past their job's retries) and SENDING
 * rows whose claim ran out get a job again. Claims keep it safe beside live jobs.
 */
export async function recoverSms(deps: AppDeps): Promise<number> {
  const now = deps.now().getTime();
  const rows = await deps.db.notification.findMany({
    where: {
      channel: "sms",
      OR: [
        { status: "PENDING", createdAt: { lt: new Date(now - PENDING_AFTER_MS) } },
        { status: "SENDING", claimedAt: { lt: new Date(now - STALE_CLAIM_AFTER_MS) } },
      ],
    },
    select: { id: true, shopId: true },
    orderBy: { createdAt: "asc" },
    take: BATCH,
  });
  const byShop = new Map<string, string[]>();
  for (const row of rows) byShop.set(row.shopId, [...(byShop.get(row.shopId) ?? []), row.id]);
  for (const [shopId, ids] of byShop) await enqueueSmsBatches(deps, shopId, ids, { replaceFinished: true });
  return rows.length;
}

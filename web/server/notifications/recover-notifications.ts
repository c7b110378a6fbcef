import { enqueueSendBatches } from "./enqueue-send-batches.ts";
import { GAVE_UP_PREFIX, recoveryPlan, RECOVERY_LIMITS } from "./recovery-plan.ts";
import type { AppDeps } from "../app-deps.ts";

export type RecoveryResult = { pending: number; staleClaims: number; revived: number };

/**
 * The ledger's safety net, run by the restock sweeper once a minute cluster-wide. Rows that
 * should be moving but have no live job behind them get one again:
 * - PENDING rows older than a couple of minutes (the job was lost between commit and enqueue,
 *   or it was failed by the queue without our handler running, e.g. past the stall limit);
 * - SENDING rows whose claim is long expired (the job holding them died for good);
 * - FAILED rows whose retries ran out on transient errors, while they are young and have
 *   attempts left: they go back to PENDING and are sent again.
 * Permanent failures (550, uninstalled shop) are never retried. Claims keep all of this safe
 * to overlap with live jobs: a row is sent at most once whoever enqueues it.
 */
export async function recoverNotifications(deps: AppDeps): Promise<RecoveryResult> {
  const now = deps.now();
  const limits = RECOVERY_LIMITS;
  const candidates = await deps.db.notification.findMany({
    where: {
      // SMS rows have their own recovery (web/server/sms/recover-sms.ts).
      channel: "email",
      OR: [
        { status: "PENDING", createdAt: { lt: new Date(now.getTime() - limits.pendingAfterMs) } },
        { status: "SENDING", claimedAt: { lt: new Date(now.getTime() - limits.staleClaimAfterMs) } },
        {
          status: "FAILED",
          lastError: { startsWith: GAVE_UP_PREFIX },
          attempts: { lt: limits.maxAttempts },
          createdAt: { gt: new Date(now.getTime() - limits.reviveWithinMs) },
        },
      ],
    },
    select: {
      id: true,
      shopId: true,
      status: true,
      attempts: true,
      createdAt: true,
      claimedAt: true,
      lastError: true,
    },
    orderBy: { createdAt: "asc" },
    take: limits.batch,
  });
  const plan = recoveryPlan(candidates, now, limits);
  for (const [shopId, ids] of plan.revive) {
    // Only rows still FAILED for the same reason flip back: an admin resend may have raced us.
    await deps.db.notification.updateMany({
      where: { shopId, id: { in: ids }, status: "FAILED", lastError: { startsWith: GAVE_UP_PREFIX } },
      data: { status: "PENDING" },
    });
  }
  for (const [shopId, ids] of plan.enqueue) {
    await enqueueSendBatches(deps, shopId, ids, "sweep", { replaceFinished: true });
  }
  return plan.counts;
}

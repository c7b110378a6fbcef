import { restockWaveJob, restockWaveJobId } from "../queues/definitions/restock-wave.ts";
import { recoverNotifications, type RecoveryResult } from "../notifications/recover-notifications.ts";
import { deleteStaleRateCounters } from "../limits/hit-rate-counter.ts";
import { expireUnconfirmedSubscriptions } from "../subscriptions/expire-unconfirmed-subscriptions.ts";
import type { AppDeps } from "../app-deps.ts";
import { enqueueRestockReminders } from "./enqueue-restock-reminders.ts";

const BATCH = 1_000;

export type SweepResult = {
  waves: number;
  notifications: RecoveryResult;
  expired: number;
  reminders: number;
};

/** Periodic safety net; every step is idempotent and bounded per run. */
export async function sweepRestock(deps: AppDeps): Promise<SweepResult> {
  const waves = await resumeDueWaves(deps);
  const notifications = await recoverNotifications(deps);
  const expired = await expireUnconfirmedSubscriptions(deps.db, deps.now());
  const reminders = await enqueueRestockReminders(deps);
  await deleteStaleRateCounters(deps.db, 24 * 3600);
  return { waves, notifications, expired, reminders };
}

/**
 * Active events whose next wave is due: start the wave job, or promote it when it is still
 * delayed (the window was shortened, or the clock says the window has passed).
 */
export async function resumeDueWaves(deps: AppDeps): Promise<number> {
  const due = await deps.db.restockEvent.findMany({
    where: { status: "ACTIVE", nextWaveAt: { lte: deps.now() } },
    select: { id: true, shopId: true, wavesSent: true },
    orderBy: { nextWaveAt: "asc" },
    take: BATCH,
  });
  const queue = deps.queues.get(restockWaveJob.queue);
  for (const event of due) {
    const wave = event.wavesSent + 1;
    const jobId = restockWaveJobId(event.id, wave);
    const job = await queue.getJob(jobId);
    if (job && (await job.isDelayed())) await job.promote();
    else if (!job)
      await deps.queues.enqueue(
        restockWaveJob,
        { shopId: event.shopId, restockEventId: event.id, wave },
        { jobId },
      );
  }
  return due.length;
}

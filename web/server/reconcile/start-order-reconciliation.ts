import type { Queues } from "../queues/create-queues.ts";
import { reconcileOrdersJob } from "../queues/definitions/reconcile-orders.ts";
import type { Db } from "../db/create-prisma.ts";
import { claimRun, listShopsDue, updateRun, type RunTrigger } from "./order-reconciliation-runs.ts";

/**
 * Queues a reconciliation run for the shop, unless one is already queued or running: answers the
 * run the caller should follow either way.
 */
export async function startOrderReconciliation(
  deps: { db: Db; queues: Queues },
  shopId: string,
  trigger: RunTrigger,
  now: Date,
): Promise<{ runId: string; started: boolean }> {
  const run = await claimRun(deps.db, shopId, trigger, now);
  if (!run.started) return run;
  try {
    await deps.queues.enqueue(
      reconcileOrdersJob,
      { shopId, runId: run.runId },
      { jobId: `reconcile-orders-${run.runId}` },
    );
  } catch (error) {
    // Never left QUEUED with no job behind it: the next schedule or click starts afresh.
    await updateRun(deps.db, shopId, run.runId, {
      status: "FAILED",
      lastError: String((error as Error).message),
    });
    throw error;
  }
  return run;
}

/** The schedule's tick: a run for each installed shop whose interval has passed. */
export async function startDueReconciliations(deps: { db: Db; queues: Queues }, now: Date): Promise<number> {
  let started = 0;
  for (const shopId of await listShopsDue(deps.db, now)) {
    if ((await startOrderReconciliation(deps, shopId, "scheduled", now)).started) started += 1;
  }
  return started;
}

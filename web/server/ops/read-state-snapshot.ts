import type { Queues } from "../queues/create-queues.ts";
import { QUEUE_NAMES } from "../queues/definitions/define-job.ts";
import type { Db } from "../db/create-prisma.ts";

export type StateSource = { db: Db; queues?: Queues };

export type StateSnapshot = {
  backorders: { status: "open" | "ready"; lines: number; units: number }[];
  subscriptions: { status: "pending" | "active"; count: number }[];
  queueJobs: { queue: string; state: QueueState; count: number }[];
};

export const QUEUE_STATES = ["waiting", "active", "delayed", "prioritized", "failed"] as const;
type QueueState = (typeof QUEUE_STATES)[number];

/**
 * The operators' view: totals across every shop. This is the one place that reads without a shop
 * filter on purpose; it returns counts only, never a row, so no tenant's data leaves through it.
 */
export async function readStateSnapshot(source: StateSource): Promise<StateSnapshot> {
  const [lines, subscriptions, queueJobs] = await Promise.all([
    source.db.backorderLine.groupBy({
      by: ["status"],
      where: { status: { in: ["OPEN", "READY"] } },
      _count: { _all: true },
      _sum: { backorderedQuantity: true },
    }),
    source.db.subscription.groupBy({
      by: ["status"],
      where: { status: { in: ["PENDING", "ACTIVE"] } },
      _count: { _all: true },
    }),
    source.queues ? readQueueJobs(source.queues) : Promise.resolve([]),
  ]);
  const lineRow = (status: string) => lines.find((r) => r.status === status);
  const subscriptionCount = (status: string) =>
    subscriptions.find((r) => r.status === status)?._count._all ?? 0;
  return {
    // Every status is always reported (0 when absent), so a drained backlog reads 0, not "no data".
    backorders: (["open", "ready"] as const).map((status) => {
      const row = lineRow(status.toUpperCase());
      return { status, lines: row?._count._all ?? 0, units: row?._sum.backorderedQuantity ?? 0 };
    }),
    subscriptions: (["pending", "active"] as const).map((status) => ({
      status,
      count: subscriptionCount(status.toUpperCase()),
    })),
    queueJobs,
  };
}

async function readQueueJobs(queues: Queues): Promise<StateSnapshot["queueJobs"]> {
  const perQueue = await Promise.all(
    QUEUE_NAMES.map(async (queue) => {
      const counts = await queues.get(queue).getJobCounts(...QUEUE_STATES);
      return QUEUE_STATES.map((state) => ({ queue, state, count: counts[state] ?? 0 }));
    }),
  );
  return perQueue.flat();
}

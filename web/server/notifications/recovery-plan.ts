import type { Notification } from "@prisma/client";

/**
 * Which ledger rows the sweeper hands back to a send job, and which FAILED rows it revives first.
 * Pure: the sweeper's query selects the same rows in SQL (for the index); this is the rule, tested
 * on its own.
 */

/** `lastError` of a row whose job used up its retries on transient errors (SMTP 4xx, timeouts). */
export const GAVE_UP_PREFIX = "gave up: ";

export const RECOVERY_LIMITS = {
  /** A PENDING row this old with no job behind it was lost between commit and enqueue. */
  pendingAfterMs: 2 * 60_000,
  /** A claim this old is long past any lease (twice the SMTP socket timeout): its job died. */
  staleClaimAfterMs: 10 * 60_000,
  /** Gave-up rows are revived while younger than this: a day-old restock email is news no more. */
  reviveWithinMs: 24 * 3600_000,
  /** ...and while they have been claimed fewer times than this (three jobs' worth of retries). */
  maxAttempts: 36,
  /** Rows per sweep. */
  batch: 1_000,
};

export type RecoveryLimits = typeof RECOVERY_LIMITS;

export type RecoveryRow = Pick<
  Notification,
  "id" | "shopId" | "status" | "attempts" | "createdAt" | "claimedAt" | "lastError"
>;

export type RecoveryAction = "enqueue" | "revive" | "none";

export function recoveryAction(row: RecoveryRow, now: Date, limits: RecoveryLimits): RecoveryAction {
  const age = (at: Date) => now.getTime() - at.getTime();
  switch (row.status) {
    case "PENDING":
      return age(row.createdAt) > limits.pendingAfterMs ? "enqueue" : "none";
    case "SENDING":
      return row.claimedAt !== null && age(row.claimedAt) > limits.staleClaimAfterMs ? "enqueue" : "none";
    case "FAILED":
      return (row.lastError ?? "").startsWith(GAVE_UP_PREFIX) &&
        row.attempts < limits.maxAttempts &&
        age(row.createdAt) < limits.reviveWithinMs
        ? "revive"
        : "none";
    default:
      return "none";
  }
}

export type RecoveryPlan = {
  /** FAILED rows to put back to PENDING, by shop. */
  revive: Map<string, string[]>;
  /** Rows to hand to send jobs (revived ones included), by shop. */
  enqueue: Map<string, string[]>;
  counts: { pending: number; staleClaims: number; revived: number };
};

export function recoveryPlan(rows: readonly RecoveryRow[], now: Date, limits: RecoveryLimits): RecoveryPlan {
  const plan: RecoveryPlan = {
    revive: new Map(),
    enqueue: new Map(),
    counts: { pending: 0, staleClaims: 0, revived: 0 },
  };
  const add = (map: Map<string, string[]>, row: RecoveryRow) => {
    const ids = map.get(row.shopId);
    if (ids) ids.push(row.id);
    else map.set(row.shopId, [row.id]);
  };
  for (const row of rows) {
    const action = recoveryAction(row, now, limits);
    if (action === "none") continue;
    if (action === "revive") {
      add(plan.revive, row);
      plan.counts.revived += 1;
    } else if (row.status === "SENDING") plan.counts.staleClaims += 1;
    else plan.counts.pending += 1;
    add(plan.enqueue, row);
  }
  return plan;
}

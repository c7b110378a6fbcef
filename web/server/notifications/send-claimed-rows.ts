import { ZodError } from "zod";
import { maskEmail } from "../privacy/mask-email.ts";
import { buildNotificationEmail } from "./build-notification-email.ts";
import { classifySmtpError } from "./classify-smtp-error.ts";
import { SendWindowClosedError, type Mailer } from "./create-mailer.ts";
import type { EmailShop } from "./email-send-caches.ts";
import { loadBatchSubscriptions } from "./load-batch-subscriptions.ts";
import {
  markSentMany,
  readSuppressions,
  settleClaims,
  type ClaimOutcome,
  type ClaimedRow,
} from "./notification-batch-ledger.ts";
import type { NotificationKind } from "./notification-kinds.ts";
import { retryWrite } from "../retry-write.ts";
import { sendLease } from "./send-lease.ts";
import { createSentRecorder, type SentRecorder } from "./sent-recorder.ts";
import { isBlockedBySuppression } from "./suppression-policy.ts";
import { suppressAddress } from "./notification-ledger.ts";
import { createWaveMessageCache, type WaveMessageCache } from "./wave-message-cache.ts";
import type { AppDeps } from "../app-deps.ts";

export type ClaimedResult = {
  sent: { id: string; messageId: string }[];
  suppressed: number;
  failed: number;
  /** The first transient failure (SMTP 4xx, network, render): those rows are PENDING again. */
  transient: Error | null;
  /** The first permanent failure's reason (SMTP 5xx, unusable context). */
  permanent: { reason: string; badContext: boolean } | null;
  /** Rows put back unsent because their lease was about to run out. */
  expired: number;
};

type Settle = { id: string; claimedAtText: string; reason: string };

const settled = (row: ClaimedRow, reason: string): Settle => ({
  id: row.id,
  claimedAtText: row.claimedAtText,
  reason,
});

/**
 * Sends rows this worker has claimed: suppression and subscriptions read once for the batch,
 * restock messages rendered once per variant and locale and filled per row (wave-message-cache.ts),
 * other messages rendered with the cached prepared template, sends kept going `mailer.maxConnections`
 * at a time, every outcome written in one statement per kind. SENT is group-committed as each
 * message is accepted, so a crash re-sends (same Message-ID) only what was in flight.
 */
export async function sendClaimedRows(
  deps: AppDeps,
  mailer: Mailer,
  shop: EmailShop,
  rows: ClaimedRow[],
  lease: { ms: number; claimedBeforeMs: number },
  wave: WaveMessageCache = createWaveMessageCache(deps, shop),
): Promise<ClaimedResult> {
  // Started after this, a send could still be in progress when another worker may take the row.
  // Local monotonic-enough wall time, taken before the claim: deps.now() may be a test clock.
  const startBy = lease.claimedBeforeMs + sendLease(mailer.maxSendMs).startWithinMs;
  const result: ClaimedResult = {
    sent: [],
    suppressed: 0,
    failed: 0,
    transient: null,
    permanent: null,
    expired: 0,
  };
  const settle: Record<ClaimOutcome, Settle[]> = { PENDING: [], FAILED: [], SUPPRESSED: [] };
  const bounced: string[] = [];
  const suppressions = await readSuppressions(deps.sql, shop.id, [...new Set(rows.map((r) => r.recipient))]);
  const restockSubs = rows
    .filter((r) => r.kind === "restock" && r.subscriptionId)
    .map((r) => r.subscriptionId!);
  const subscriptions = await loadBatchSubscriptions(deps.sql, shop.id, restockSubs);
  const debug = deps.logger.isLevelEnabled("debug");
  const recorder = sentRecorder(deps, mailer);
  const recorded: Promise<void>[] = [];

  const sendOne = async (row: ClaimedRow) => {
    const reason = suppressions.get(row.recipient);
    if (reason && isBlockedBySuppression(row.kind as NotificationKind, reason)) {
      settle.SUPPRESSED.push(settled(row, `address ${reason}`));
      return;
    }
    let built;
    try {
      const preloaded =
        row.kind === "restock"
          ? { subscription: subscriptions.get(row.subscriptionId ?? "") ?? null, wave }
          : undefined;
      built = await buildNotificationEmail(deps, shop, row, preloaded);
    } catch (error) {
      if (error instanceof ZodError) {
        // The stored context is unusable: a bug where the email was decided, no retry fixes it.
        settle.FAILED.push(settled(row, `bad context: ${error.message}`));
        result.permanent ??= { reason: `notification ${row.id}: bad context`, badContext: true };
      } else {
        settle.PENDING.push(settled(row, `render: ${(error as Error).message}`));
        result.transient ??= error as Error;
      }
      return;
    }
    if (!built.ok) {
      settle[built.status].push(settled(row, built.reason));
      return;
    }
    // Built when something is logged: a fan-out sends thousands of rows that log nothing.
    const log = () => ({
      shopId: row.shopId,
      notificationId: row.id,
      kind: row.kind,
      to: maskEmail(row.recipient),
    });
    try {
      await mailer.send(built.email, { startBy });
    } catch (error) {
      if (error instanceof SendWindowClosedError) {
        settle.PENDING.push(settled(row, error.message));
        result.expired += 1;
        return;
      }
      const failure = classifySmtpError(error);
      if (failure.kind === "transient") {
        settle.PENDING.push(settled(row, failure.reason));
        result.transient ??= error as Error;
        deps.logger.warn({ ...log(), reason: failure.reason }, "email deferred");
        return;
      }
      settle.FAILED.push(settled(row, failure.reason));
      if (failure.hardBounce) bounced.push(row.recipient);
      result.permanent ??= { reason: failure.reason, badContext: false };
      deps.logger.warn({ ...log(), reason: failure.reason, hardBounce: failure.hardBounce }, "email failed");
      return;
    }
    result.sent.push({ id: row.id, messageId: built.email.messageId });
    recorded.push(recorder.record({ id: row.id, messageId: built.email.messageId }));
    if (debug)
      deps.logger.debug({ ...log(), messageId: built.email.messageId, attempt: row.attempts }, "email sent");
  };

  let next = 0;
  const lane = async () => {
    while (next < rows.length) await sendOne(rows[next++]!);
  };
  try {
    await Promise.all(Array.from({ length: Math.min(rows.length, mailer.maxConnections) }, lane));
  } finally {
    // Whatever happened, what went out is recorded first (a lost SENT means a resend).
    await Promise.allSettled(recorded);
  }
  await Promise.all(recorded); // rethrows a SENT write that failed for good
  // A hard bounce is suppressed before its row reads FAILED: whoever sees the failure also sees the
  // suppression, and no other email to that address starts in between.
  for (const email of bounced) await suppressAddress(deps.db, shop.id, email, "bounced");
  await settleClaims(deps.sql, "SUPPRESSED", settle.SUPPRESSED);
  await settleClaims(deps.sql, "FAILED", settle.FAILED);
  await settleClaims(deps.sql, "PENDING", settle.PENDING);
  result.suppressed = settle.SUPPRESSED.length;
  result.failed = settle.FAILED.length;
  return result;
}

// One recorder per worker process (per deps), shared by its concurrent batches.
const recorders = new WeakMap<object, SentRecorder>();

function sentRecorder(deps: AppDeps, mailer: Mailer): SentRecorder {
  let recorder = recorders.get(deps);
  if (!recorder) {
    // Ride out a short database outage, inside the lease (send-lease.ts).
    const forMs = sendLease(mailer.maxSendMs).recordWithinMs;
    recorder = createSentRecorder((items) =>
      retryWrite(() => markSentMany(deps.sql, items, deps.now()), { forMs }),
    );
    recorders.set(deps, recorder);
  }
  return recorder;
}

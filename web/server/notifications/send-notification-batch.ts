import { sendLease } from "./send-lease.ts";
import { holdEmailsForDiscount } from "../controls/order-discount-state.ts";
import { reserveSendSlots } from "./reserve-send-slots.ts";
import { loadEmailShop } from "./email-send-caches.ts";
import {
  claimNotifications,
  readOpenRows,
  settleClaims,
  type ClaimedRow,
} from "./notification-batch-ledger.ts";
import { sendClaimedRows, type ClaimedResult } from "./send-claimed-rows.ts";
import { createWaveMessageCache, warmWaveMessages } from "./wave-message-cache.ts";
import type { AppDeps } from "../app-deps.ts";
import { emitAlertsSent } from "../integrations/events/alert-events.ts";

/** How often a send held for its order's discount code looks again (a delayed job, no attempt used). */
export const DISCOUNT_RECHECK_MS = 1_000;

export type BatchResult = {
  sent: { id: string; messageId: string }[];
  suppressed: number;
  failed: number;
  transient: Error | null;
  permanent: ClaimedResult["permanent"];
  /** Rows of the batch still to send that this run could not take (rate, live claims): retry then. */
  later: Date | null;
  /** Nothing claimable and nothing left open: every row was already settled. */
  alreadyDone: boolean;
};

/**
 * Sends one shop's ledger rows `ids`, each at most once (the claim is the lock), in as few
 * statements as the batch allows: reserve rate slots for it, claim it in one UPDATE, send, write
 * the outcomes. With a send rate, a run takes one second's worth at a time. A failure part-way
 * leaves only the unsent rows to claim again: SENT rows never are.
 * `includeFailed`: FAILED rows are claimed too (an explicit resend), not only PENDING ones.
 */
export async function sendNotificationBatch(
  deps: AppDeps,
  input: { shopId: string; ids: string[]; includeFailed?: boolean },
): Promise<BatchResult> {
  const result = await sendBatchRows(deps, input);
  await reportAlertsSent(deps, input.shopId, result.sent);
  return result;
}

/**
 * Integrations hear of the back-in-stock emails this batch sent, once per batch (alert-events.ts).
 * After the SENT rows are recorded; a failure here is logged, not retried: a retried job would find
 * the rows SENT and send nothing, so it would emit nothing either.
 */
async function reportAlertsSent(deps: AppDeps, shopId: string, sent: BatchResult["sent"]): Promise<void> {
  try {
    await emitAlertsSent(
      deps,
      shopId,
      sent.map((s) => s.id),
    );
  } catch (error) {
    deps.logger.warn({ err: error, shopId, rows: sent.length }, "alert.sent events not recorded");
  }
}

async function sendBatchRows(
  deps: AppDeps,
  input: { shopId: string; ids: string[]; includeFailed?: boolean },
): Promise<BatchResult> {
  const result: BatchResult = {
    sent: [],
    suppressed: 0,
    failed: 0,
    transient: null,
    permanent: null,
    later: null,
    alreadyDone: false,
  };
  const mailer = deps.mailer;
  // Transient on purpose: mail waits in the ledger until a worker with SMTP picks it up.
  if (!mailer) throw new Error("no mailer configured in this worker (SMTP_URL)");
  const includeFailed = input.includeFailed ?? false;
  const { leaseMs } = sendLease(mailer.maxSendMs);
  const shop = await loadEmailShop(deps, input.shopId);
  // Restock messages are rendered before any row is claimed: a render (a cold render thread) must
  // not use up the claim's send window.
  const wave = shop ? createWaveMessageCache(deps, shop) : null;
  if (wave && shop && !shop.uninstalled) await warmWaveMessages(deps, wave, shop.id, input.ids);
  // An order email whose discount code is not created yet waits for it (create-order-discount),
  // unclaimed: the send itself never calls Shopify, so an Admin API throttle uses up no email retry.
  const held =
    shop && !shop.uninstalled ? await holdEmailsForDiscount(deps, input.shopId, input.ids) : new Set();
  let remaining = input.ids.filter((id) => !held.has(id));
  let claimedAny = false;

  while (remaining.length > 0) {
    const rate = shop && !shop.uninstalled ? shop.sendRatePerSecond : 0;
    const slots = await reserveSendSlots(deps.db, input.shopId, rate, remaining.length);
    if (slots.granted === 0) {
      result.later = new Date(Date.now() + slots.retryInMs);
      return result;
    }
    const claimedBeforeMs = Date.now();
    const claimed = await claimNotifications(deps.sql, {
      shopId: input.shopId,
      ids: remaining,
      limit: slots.granted,
      leaseMs,
      now: deps.now(),
      includeFailed,
    });
    if (claimed.length === 0) break;
    claimedAny = true;
    const more = claimed.length === slots.granted; // fewer: nothing else is claimable right now
    const taken = new Set(claimed.map((r) => r.id));
    remaining = remaining.filter((id) => !taken.has(id));
    const part =
      shop && !shop.uninstalled
        ? await sendClaimedRows(
            deps,
            mailer,
            shop,
            claimed,
            { ms: leaseMs, claimedBeforeMs },
            wave ?? undefined,
          )
        : null;
    if (!part) {
      await settleUninstalled(deps, claimed);
      result.failed += claimed.length;
      continue;
    }
    result.sent.push(...part.sent);
    result.suppressed += part.suppressed;
    result.failed += part.failed;
    result.transient ??= part.transient;
    result.permanent ??= part.permanent;
    if (part.transient) return result; // released rows: the job retries them with backoff
    if (part.expired > 0) {
      result.later = new Date(); // put back unsent: a fresh run takes them with a fresh lease
      return result;
    }
    if (!more) break;
  }
  if (held.size > 0) {
    result.later = new Date(Date.now() + DISCOUNT_RECHECK_MS);
    return result;
  }
  if (remaining.length === 0) return result; // every row was ours and is settled

  // What the loop did not take: rows settled before (nothing to do) or held by another worker.
  const open = await readOpenRows(deps.sql, { shopId: input.shopId, ids: input.ids, leaseMs, includeFailed });
  if (open.open > 0) {
    result.later = new Date(open.busyUntilMs ?? Date.now() + 1_000);
  } else if (!claimedAny) {
    result.alreadyDone = true;
  }
  return result;
}

async function settleUninstalled(deps: AppDeps, rows: ClaimedRow[]): Promise<void> {
  await settleClaims(
    deps.sql,
    "FAILED",
    rows.map((r) => ({ id: r.id, claimedAtText: r.claimedAtText, reason: "shop uninstalled" })),
  );
}

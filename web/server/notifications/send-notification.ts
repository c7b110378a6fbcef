import { UnrecoverableError } from "bullmq";
import { ZodError } from "zod";
import type { WorkerDeps } from "../../../jobs/worker-deps.ts";
import { maskEmail } from "../subscriptions/normalize-email.ts";
import { acquireSendSlot } from "./acquire-send-slot.ts";
import { buildNotificationEmail } from "./build-notification-email.ts";
import { classifySmtpError } from "./classify-smtp-error.ts";
import { loadEmailShop } from "./email-send-caches.ts";
import type { NotificationKind } from "./notification-kinds.ts";
import {
  claimNotification,
  markFailed,
  markSent,
  markSuppressed,
  releaseClaim,
  suppressAddress,
} from "./notification-ledger.ts";
import { retryWrite } from "./retry-write.ts";
import { isBlockedBySuppression } from "./suppression-policy.ts";

export type SendOutcome =
  | { outcome: "sent"; messageId: string }
  | { outcome: "skipped"; reason: string }
  /** Not now: the shop's send rate is used up, or another worker holds the row. */
  | { outcome: "later"; at: Date };

/**
 * Sends one ledger row at most once. Order matters: suppression and rate limit first (no claim
 * taken), then the claim, then SMTP, then the outcome. A crash after SMTP accepted the message
 * and before SENT was written leaves the row SENDING; after the lease it is sent again with the
 * same Message-ID, which makes the duplicate recognisable downstream.
 * Throws for transient SMTP failures (the job retries with backoff) and UnrecoverableError for
 * permanent ones (the row is FAILED; a hard bounce suppresses the address).
 */
export async function sendNotification(deps: WorkerDeps, notificationId: string): Promise<SendOutcome> {
  const row = await deps.db.notification.findUnique({ where: { id: notificationId } });
  if (!row) return { outcome: "skipped", reason: "gone" }; // redacted
  if (row.status === "SENT" || row.status === "SUPPRESSED")
    return { outcome: "skipped", reason: "already done" };
  const mailer = deps.mailer;
  // Transient on purpose: mail waits in the ledger until a worker with SMTP picks it up.
  if (!mailer) throw new Error("no mailer configured in this worker (SMTP_URL)");

  const shop = await loadEmailShop(deps, row.shopId);
  if (!shop || shop.uninstalled) {
    await markFailed(deps.db, row.id, "shop uninstalled");
    return { outcome: "skipped", reason: "shop uninstalled" };
  }
  const suppression = await deps.db.suppression.findUnique({
    where: { shopId_email: { shopId: row.shopId, email: row.recipient } },
  });
  if (suppression && isBlockedBySuppression(row.kind as NotificationKind, suppression.reason)) {
    await markSuppressed(deps.db, row.id, `address ${suppression.reason}`);
    return { outcome: "skipped", reason: "suppressed" };
  }
  const slot = await acquireSendSlot(deps.db, row.shopId, shop.sendRatePerSecond);
  if (!slot.ok) return { outcome: "later", at: new Date(Date.now() + slot.retryInMs) };

  const leaseMs = mailer.maxSendMs * 2;
  const claim = await claimNotification(deps.db, row.id, leaseMs, deps.now());
  if (!claim.ok) {
    return claim.state === "done"
      ? { outcome: "skipped", reason: "already done" }
      : { outcome: "later", at: claim.until };
  }

  let built;
  try {
    built = await buildNotificationEmail(deps, shop, claim.row);
  } catch (error) {
    if (error instanceof ZodError) {
      // The stored context is unusable: a bug where the email was decided, no retry fixes it.
      await markFailed(deps.db, row.id, `bad context: ${error.message}`);
      throw new UnrecoverableError(`notification ${row.id}: bad context`);
    }
    await releaseClaim(deps.db, row.id, `render: ${(error as Error).message}`);
    throw error;
  }
  if (!built.ok) {
    if (built.status === "SUPPRESSED") await markSuppressed(deps.db, row.id, built.reason);
    else await markFailed(deps.db, row.id, built.reason);
    return { outcome: "skipped", reason: built.reason };
  }

  const log = { shopId: row.shopId, notificationId: row.id, kind: row.kind, to: maskEmail(row.recipient) };
  let result;
  try {
    result = await mailer.send(built.email);
  } catch (error) {
    const failure = classifySmtpError(error);
    if (failure.kind === "transient") {
      await releaseClaim(deps.db, row.id, failure.reason);
      deps.logger.warn({ ...log, reason: failure.reason }, "email deferred");
      throw error;
    }
    await markFailed(deps.db, row.id, failure.reason);
    if (failure.hardBounce) await suppressAddress(deps.db, row.shopId, row.recipient, "bounced");
    deps.logger.warn({ ...log, reason: failure.reason, hardBounce: failure.hardBounce }, "email failed");
    throw new UnrecoverableError(failure.reason);
  }
  // The message is out: a lost write here means sending it again after the lease (same
  // Message-ID). Ride out a short database outage, staying well inside the lease.
  await retryWrite(() => markSent(deps.db, row.id, built.email.messageId, deps.now()), {
    forMs: mailer.maxSendMs / 2,
  });
  deps.logger.info({ ...log, messageId: built.email.messageId, attempt: claim.row.attempts }, "email sent");
  return { outcome: "sent", messageId: result.messageId };
}

import { UnrecoverableError } from "bullmq";
import { sendNotificationBatch } from "./send-notification-batch.ts";
import type { AppDeps } from "../app-deps.ts";

export type SendOutcome =
  | { outcome: "sent"; messageId: string }
  | { outcome: "skipped"; reason: string }
  /** Not now: the shop's send rate is used up, or another worker holds the row. */
  | { outcome: "later"; at: Date };

/**
 * Sends one ledger row at most once: a batch of one through sendNotificationBatch (suppression,
 * rate limit, claim, SMTP, outcome), which also takes a FAILED row (an explicit resend). A crash
 * after SMTP accepted the message and before SENT was written leaves the row SENDING; after the
 * lease it is sent again with the same Message-ID, which makes the duplicate recognisable downstream.
 * Throws for transient failures (the job retries with backoff) and UnrecoverableError for
 * permanent ones (the row is FAILED; a hard bounce suppresses the address).
 */
export async function sendNotification(deps: AppDeps, notificationId: string): Promise<SendOutcome> {
  const row = await deps.db.notification.findUnique({
    where: { id: notificationId },
    select: { shopId: true, status: true },
  });
  if (!row) return { outcome: "skipped", reason: "gone" }; // redacted
  if (row.status === "SENT" || row.status === "SUPPRESSED")
    return { outcome: "skipped", reason: "already done" };
  const result = await sendNotificationBatch(deps, {
    shopId: row.shopId,
    ids: [notificationId],
    includeFailed: true,
  });
  if (result.transient) throw result.transient;
  if (result.permanent) throw new UnrecoverableError(result.permanent.reason);
  const sent = result.sent[0];
  if (sent) return { outcome: "sent", messageId: sent.messageId };
  if (result.later) return { outcome: "later", at: result.later };
  if (result.suppressed > 0) return { outcome: "skipped", reason: "suppressed" };
  if (result.failed > 0) return { outcome: "skipped", reason: "failed" };
  return { outcome: "skipped", reason: "already done" };
}

import { loadEmailShop } from "../notifications/email-send-caches.ts";
import {
  claimNotifications,
  markSentMany,
  settleClaims,
  type ClaimedRow,
} from "../notifications/notification-batch-ledger.ts";
import { buildSmsText } from "./build-sms-texts.ts";
import { quietHoursEnd } from "./quiet-hours.ts";
import { loadSmsSettings, twilioAccountOf } from "./sms-settings-repository.ts";
import { suppressPhone } from "./suppress-phone.ts";
import { sendTwilioMessage } from "./twilio-client.ts";
import type { AppDeps } from "../app-deps.ts";

export type SmsBatchResult = { sent: number; suppressed: number; failed: number; later: Date | null };

const LEASE_MS = 60_000;
const UNSUBSCRIBED_CODE = 21610; // Twilio: the recipient replied STOP to this sender

/**
 * Sends one shop's SMS ledger rows, each at most once (the claim is the lock, as for email). In
 * the shop's quiet hours nothing is claimed: the job waits until they end. A transient provider
 * error puts the row back and throws (the job retries it with backoff).
 */
export async function sendSmsBatch(
  deps: AppDeps,
  input: { shopId: string; ids: string[] },
): Promise<SmsBatchResult> {
  const result: SmsBatchResult = { sent: 0, suppressed: 0, failed: 0, later: null };
  const [shop, settings] = await Promise.all([
    loadEmailShop(deps, input.shopId),
    loadSmsSettings(deps.db, input.shopId),
  ]);
  const now = deps.now();
  if (shop && !shop.uninstalled) {
    const quietUntil = quietHoursEnd(now, shop.timezone, settings.quietStartMinute, settings.quietEndMinute);
    if (quietUntil) return { ...result, later: quietUntil };
  }
  const claimed = await claimNotifications(deps.sql, {
    shopId: input.shopId,
    ids: input.ids,
    limit: input.ids.length,
    leaseMs: LEASE_MS,
    now,
    includeFailed: false,
  });
  const sms = claimed.filter((r) => r.channel === "sms");
  const account = shop && !shop.uninstalled ? twilioAccountOf(settings, deps.config) : null;
  if (!shop || !account) {
    const reason = !shop || shop.uninstalled ? "shop uninstalled" : "sms channel off";
    await settle(deps, "SUPPRESSED", sms, reason);
    return { ...result, suppressed: sms.length };
  }
  const stopped = await readPhoneSuppressions(
    deps,
    input.shopId,
    sms.map((r) => r.recipient),
  );
  for (const row of sms) {
    if (stopped.has(row.recipient)) {
      await settle(deps, "SUPPRESSED", [row], `phone suppressed: ${stopped.get(row.recipient)}`);
      result.suppressed += 1;
      continue;
    }
    const text = await buildSmsText(deps, shop, row);
    if (!text.ok) {
      await settle(deps, text.status, [row], text.reason);
      if (text.status === "FAILED") result.failed += 1;
      else result.suppressed += 1;
      continue;
    }
    const body = text.body;
    const outcome = await sendTwilioMessage(account, {
      to: row.recipient,
      body,
      statusCallback: `${deps.config.appUrl}/sms/twilio/${input.shopId}/status`,
    });
    if (outcome.ok) {
      await markSentMany(deps.sql, [{ id: row.id, messageId: outcome.sid }], deps.now());
      result.sent += 1;
    } else if (outcome.permanent) {
      if (outcome.code === UNSUBSCRIBED_CODE)
        await suppressPhone(deps.db, input.shopId, row.recipient, "stop", deps.now());
      await settle(deps, "FAILED", [row], outcome.message);
      result.failed += 1;
    } else {
      await settle(deps, "PENDING", [row], outcome.message);
      throw new Error(outcome.message);
    }
  }
  return result;
}

async function readPhoneSuppressions(deps: AppDeps, shopId: string, phones: string[]) {
  const rows = await deps.db.phoneSuppression.findMany({
    where: { shopId, phone: { in: phones } },
    select: { phone: true, reason: true },
  });
  return new Map(rows.map((r) => [r.phone, r.reason]));
}

function settle(
  deps: AppDeps,
  status: "PENDING" | "FAILED" | "SUPPRESSED",
  rows: ClaimedRow[],
  reason: string,
): Promise<void> {
  return settleClaims(
    deps.sql,
    status,
    rows.map((r) => ({ id: r.id, claimedAtText: r.claimedAtText, reason })),
  );
}

import type { Notification } from "@prisma/client";
import { z } from "zod";
import type { AppDeps } from "../app-deps.ts";
import { formatEmailDate } from "../emails/render/format-email-date.ts";
import { resolveLocale } from "../emails/render/resolve-locale.ts";
import { dateFormatFor, validTimezone } from "../etas/timezone-formats.ts";
import { loadEmailVariant, type EmailShop } from "../notifications/email-send-caches.ts";
import { expiryClockStart, renewalIdempotencyKey } from "../subscriptions/alert-expiry.ts";
import { signRenewToken } from "../subscriptions/subscription-tokens.ts";
import { smsVariables, withAlertsLink } from "./build-sms-variables.ts";
import { loadSmsTemplate, renderSms } from "./sms-templates.ts";

export type SmsText =
  { ok: true; body: string } | { ok: false; status: "SUPPRESSED" | "FAILED"; reason: string };

const renewalRowContext = z.object({ expiresAt: z.iso.datetime() });

/**
 * The text of one SMS ledger row, checked at send time like its email: a restock text, or the
 * "still interested?" notice of a phone-only alert, suppressed when the alert was renewed, expired
 * or cancelled since. Every alert text carries the alerts page link (withAlertsLink).
 */
export async function buildSmsText(
  deps: Pick<AppDeps, "db" | "config" | "logger" | "renderPool">,
  shop: EmailShop,
  row: Notification,
): Promise<SmsText> {
  const sub = row.subscriptionId
    ? await deps.db.subscription.findFirst({ where: { id: row.subscriptionId, shopId: row.shopId } })
    : null;
  if (!sub) return { ok: false, status: "FAILED", reason: "subscription or variant gone" };
  if (row.kind === "renewal") {
    if (sub.status !== "ACTIVE")
      return { ok: false, status: "SUPPRESSED", reason: `subscription ${sub.status.toLowerCase()}` };
    if (renewalIdempotencyKey(sub.id, expiryClockStart(sub), "sms") !== row.idempotencyKey)
      return { ok: false, status: "SUPPRESSED", reason: "renewed" };
  }
  const variant = await loadEmailVariant(deps, row.shopId, sub.variantId);
  if (!variant) return { ok: false, status: "FAILED", reason: "subscription or variant gone" };
  const variables = smsVariables(deps.config, shop, variant, sub.id);
  if (row.kind === "renewal") {
    const { expiresAt } = renewalRowContext.parse(row.context);
    const lastDay = dateFormatFor(validTimezone(shop.timezone)).format(new Date(expiresAt));
    variables.expires_on = formatEmailDate(lastDay, resolveLocale(row.locale)) ?? lastDay;
    variables.renew_url = `${deps.config.appUrl}/subscriptions/renew/${signRenewToken(deps.config.apiSecrets[0]!, sub.id)}`;
  }
  const template = await loadSmsTemplate(deps.db, row.shopId, row.kind, row.locale);
  return {
    ok: true,
    body: withAlertsLink(await renderSms(template, variables), String(variables.alerts_url)),
  };
}

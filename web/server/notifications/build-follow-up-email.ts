import type { Notification, Subscription } from "@prisma/client";
import { z } from "zod";
import { dateFormatFor, validTimezone } from "../etas/timezone-formats.ts";
import type { RenewalContext, RestockContext } from "../emails/templates/variables.ts";
import { formatEmailDate } from "../emails/render/format-email-date.ts";
import { resolveLocale } from "../emails/render/resolve-locale.ts";
import { decideRestockReminder } from "../restock/decide-restock-reminder.ts";
import { expiryClockStart, renewalIdempotencyKey } from "../subscriptions/alert-expiry.ts";
import { signRenewToken } from "../subscriptions/subscription-tokens.ts";
import type { AppDeps } from "../app-deps.ts";
import { productUrl, variantVariables } from "./build-variant-variables.ts";
import {
  restockContextFor,
  restockRecipientValues,
  unsubscribeUrl,
} from "./build-subscription-email-context.ts";
import { loadEmailVariant, type EmailShop } from "./email-send-caches.ts";

type Deps = Pick<AppDeps, "db" | "logger" | "config" | "renderPool">;

export type FollowUpContext =
  | { ok: true; kind: "renewal"; context: RenewalContext; unsubscribeUrl: string }
  | { ok: true; kind: "restock_reminder"; context: RestockContext; unsubscribeUrl: string }
  | { ok: false; status: "SUPPRESSED" | "FAILED"; reason: string };

const renewalRowContext = z.object({ expiresAt: z.iso.datetime() });
const reminderRowContext = z.object({ restockNotificationId: z.string().min(1) });

/**
 * The context of a "still interested?" email (renewal) or of the reminder after a restock email,
 * checked again at send time: an alert renewed, expired or unsubscribed since gets no renewal
 * email, and a reminder goes only to a non-buyer while the variant is in stock (docs/shoppers.md).
 */
export async function buildFollowUpContext(
  deps: Deps,
  shop: EmailShop,
  row: Notification,
): Promise<FollowUpContext> {
  const subscription = row.subscriptionId
    ? await deps.db.subscription.findUnique({ where: { id: row.subscriptionId } })
    : null;
  const sub = subscription && subscription.shopId === row.shopId ? subscription : null;
  if (row.kind === "renewal") return renewalContext(deps, shop, row, sub);
  return reminderContext(deps, shop, row, sub);
}

async function renewalContext(
  deps: Deps,
  shop: EmailShop,
  row: Notification,
  sub: Subscription | null,
): Promise<FollowUpContext> {
  const { expiresAt } = renewalRowContext.parse(row.context);
  if (!sub) return { ok: false, status: "SUPPRESSED", reason: "subscription gone" };
  if (sub.status !== "ACTIVE")
    return { ok: false, status: "SUPPRESSED", reason: `subscription ${sub.status.toLowerCase()}` };
  // Renewed since the email was decided: its clock restarted, this period's email is moot.
  if (renewalIdempotencyKey(sub.id, expiryClockStart(sub)) !== row.idempotencyKey)
    return { ok: false, status: "SUPPRESSED", reason: "renewed" };
  const variant = await loadEmailVariant(deps, row.shopId, sub.variantId);
  if (!variant) return { ok: false, status: "FAILED", reason: "variant not found" };
  const lastDay = dateFormatFor(validTimezone(shop.timezone)).format(new Date(expiresAt));
  const unsubscribe = unsubscribeUrl(deps.config, sub);
  return {
    ok: true,
    kind: "renewal",
    unsubscribeUrl: unsubscribe,
    context: {
      shop: shop.variables,
      locale: row.locale,
      recipient: { email: row.recipient },
      variant: variantVariables(shop, variant, productUrl(shop, variant)),
      renew_url: `${deps.config.appUrl}/subscriptions/renew/${signRenewToken(deps.config.apiSecrets[0]!, sub.id)}`,
      expires_on_formatted: formatEmailDate(lastDay, resolveLocale(row.locale)) ?? lastDay,
      unsubscribe_url: unsubscribe,
    },
  };
}

async function reminderContext(
  deps: Deps,
  shop: EmailShop,
  row: Notification,
  sub: Subscription | null,
): Promise<FollowUpContext> {
  reminderRowContext.parse(row.context);
  // Orders as they are now, and the variant's restock flag: the sweep read the stock from the Admin
  // API when it queued this (enqueue-restock-reminders.ts); an email claim never waits on Shopify,
  // and a sell-out since then has cleared the flag (detect-restock.ts).
  const [variantRow, converted] = sub
    ? await Promise.all([
        deps.db.variant.findUnique({
          where: { shopId_variantId: { shopId: sub.shopId, variantId: sub.variantId } },
          select: { aboveThreshold: true },
        }),
        hasConverted(deps, sub),
      ])
    : [null, false];
  const decision = decideRestockReminder({
    subscriptionStatus: sub?.status ?? null,
    converted,
    inStock: variantRow?.aboveThreshold ?? false,
  });
  if (!decision.send) return { ok: false, status: "SUPPRESSED", reason: decision.reason };
  const variant = await loadEmailVariant(deps, row.shopId, sub!.variantId);
  if (!variant) return { ok: false, status: "FAILED", reason: "variant not found" };
  const values = restockRecipientValues(deps.config, shop, variant, sub!, row);
  return {
    ok: true,
    kind: "restock_reminder",
    unsubscribeUrl: values.unsubscribeUrl,
    context: restockContextFor(shop, variant, row.locale, values),
  };
}

/** Whether an order was attributed to any alert (email or text) of this subscription. */
async function hasConverted(deps: Pick<AppDeps, "db">, sub: Subscription): Promise<boolean> {
  const [row] = await deps.db.$queryRaw<{ n: bigint }[]>`
    select count(*) as n from "Conversion" c
    join "Notification" n on n.id = c."notificationId"
    where c."shopId" = ${sub.shopId} and n."subscriptionId" = ${sub.id}`;
  return (row?.n ?? 0n) > 0n;
}

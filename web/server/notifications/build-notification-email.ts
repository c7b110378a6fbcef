import type { Notification, Subscription } from "@prisma/client";
import { loadOrderEmailExtras } from "../controls/load-email-extras.ts";
import { loadSubscriptionEmailExtras } from "../controls/load-subscription-email-extras.ts";
import type { RenderedEmail } from "../emails/render/template-kinds.ts";
import {
  doubleOptInContext,
  restockContextFor,
  restockRecipientValues,
} from "./build-subscription-email-context.ts";
import { orderEmailContext } from "./build-order-email-context.ts";
import { buildFollowUpContext } from "./build-follow-up-email.ts";
import { buildAlertsLinkContext } from "./build-alerts-link-email.ts";
import type { OutgoingEmail, RawEmail } from "./create-mailer.ts";
import { emailSendCaches, loadEmailVariant, type EmailShop } from "./email-send-caches.ts";
import type { NotificationKind } from "./notification-kinds.ts";
import { formatFrom } from "./sender-address.ts";
import type { WaveMessageCache } from "./wave-message-cache.ts";
import type { AppDeps } from "../app-deps.ts";

export type BuiltEmail =
  | { ok: true; email: OutgoingEmail | RawEmail }
  /** Nothing to send any more: the subscription was unsubscribed, redacted or never confirmed. */
  | { ok: false; status: "SUPPRESSED" | "FAILED"; reason: string };

type Deps = Pick<AppDeps, "db" | "logger" | "config" | "now" | "renderPool">;

/**
 * Renders one ledger row into a message: the template is parsed once per shop/kind/locale.
 * A batch passes the rows' subscriptions read in one query (`preloaded`); alone, it reads its own.
 * With the batch's `wave` messages, a restock email is the wave's message filled for the row
 * (rendered and encoded once per variant and locale), else it is rendered here.
 */
export async function buildNotificationEmail(
  deps: Deps,
  shop: EmailShop,
  row: Notification,
  preloaded?: { subscription: Subscription | null; wave?: WaveMessageCache },
): Promise<BuiltEmail> {
  const kind = row.kind as NotificationKind;
  const caches = emailSendCaches(deps);
  const headers: Record<string, string> = {};
  let rendered: RenderedEmail;
  const shopFacts = { url: shop.variables.url, currency: shop.currency };
  const testSample = readTestSample(row.context);
  if (testSample) {
    // A merchant's test send from the admin: the sample context, no subscription or order behind it.
    const template = await caches.template(row.shopId, kind, row.locale);
    rendered = await template.render(testSample as never);
  } else if (kind === "renewal" || kind === "restock_reminder") {
    // Rechecked at send time: renewed, expired, bought or sold out since means no email.
    const followUp = await buildFollowUpContext(deps, shop, row);
    if (!followUp.ok) return followUp;
    const template = await caches.template(row.shopId, followUp.kind, row.locale);
    rendered = await template.render(followUp.context);
    headers["List-Unsubscribe"] = `<${followUp.unsubscribeUrl}>`;
    headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click";
  } else if (kind === "alerts_link") {
    const link = await buildAlertsLinkContext(deps, shop, row);
    if (!link.ok) return link;
    const template = await caches.template(row.shopId, "alerts_link", row.locale);
    rendered = await template.render(link.context);
  } else if (kind === "restock" || kind === "double_opt_in") {
    const subscription = preloaded
      ? preloaded.subscription
      : row.subscriptionId
        ? await deps.db.subscription.findUnique({ where: { id: row.subscriptionId } })
        : null;
    if (!subscription || subscription.shopId !== row.shopId)
      return { ok: false, status: "SUPPRESSED", reason: "subscription gone" };
    if (subscription.status === "UNSUBSCRIBED")
      return { ok: false, status: "SUPPRESSED", reason: "unsubscribed" };
    if (kind === "double_opt_in" && subscription.status !== "PENDING") {
      return { ok: false, status: "SUPPRESSED", reason: `subscription ${subscription.status.toLowerCase()}` };
    }
    const variant = await loadEmailVariant(deps, row.shopId, subscription.variantId);
    if (!variant) return { ok: false, status: "FAILED", reason: "variant not found" };
    if (kind === "restock") {
      const values = restockRecipientValues(deps.config, shop, variant, subscription, row);
      // A wave message that cannot be rendered falls back to this row's own render, which reports why.
      const wave = await preloaded?.wave?.get(variant, row.locale).catch(() => null);
      if (wave) {
        return {
          ok: true,
          email: wave.fill({ to: row.recipient, messageId: `<${row.id}@backorder-hub>`, values }),
        };
      }
      const template = await caches.template(row.shopId, "restock", row.locale);
      rendered = await template.render(restockContextFor(shop, variant, row.locale, values));
      // RFC 8058: an https URL the mail client POSTs to, each header on one line.
      headers["List-Unsubscribe"] = `<${values.unsubscribeUrl}>`;
      headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click";
    } else {
      const template = await caches.template(row.shopId, "double_opt_in", row.locale);
      rendered = await template.render({
        ...doubleOptInContext(deps.config, shop, variant, subscription, row),
        ...(await loadSubscriptionEmailExtras(deps.db, shopFacts, subscription)),
      });
    }
  } else {
    const template = await caches.template(row.shopId, kind, row.locale);
    // Discount code, alternatives and cancel link (merchant controls), when turned on.
    const extras = await loadOrderEmailExtras(
      { db: deps.db, config: deps.config, now: deps.now },
      shopFacts,
      row,
    );
    rendered = await template.render({
      ...(await orderEmailContext(deps.db, shop, row, deps.now())),
      ...extras,
    });
  }
  return {
    ok: true,
    email: {
      from: formatFrom(deps.config.mailFrom, shop, shop.variables.name),
      to: row.recipient,
      ...(shop.replyTo ? { replyTo: shop.replyTo } : {}),
      subject: rendered.subject,
      html: rendered.html,
      text: rendered.text,
      messageId: `<${row.id}@backorder-hub>`,
      headers,
    },
  };
}

function readTestSample(context: unknown): Record<string, unknown> | null {
  if (!context || typeof context !== "object") return null;
  const { test, sample } = context as { test?: unknown; sample?: unknown };
  return test === true && sample && typeof sample === "object" ? (sample as Record<string, unknown>) : null;
}

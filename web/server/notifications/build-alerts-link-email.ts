import type { Notification } from "@prisma/client";
import { z } from "zod";
import type { AppDeps } from "../app-deps.ts";
import { ALERTS_PAGE_PATH } from "../emails/templates/layout-strings.ts";
import type { AlertsLinkContext } from "../emails/templates/variables.ts";
import { lookUpAlertsLink } from "../subscriptions/alerts-link.ts";
import { ALERTS_LINK_HOURS } from "../subscriptions/alerts-link-state.ts";
import { signAlertLinkToken } from "../subscriptions/subscription-tokens.ts";
import type { EmailShop } from "./email-send-caches.ts";
import { storefrontLink } from "./storefront-link.ts";

const rowContext = z.object({ linkId: z.uuid() });

export type AlertsLinkEmail =
  { ok: true; context: AlertsLinkContext } | { ok: false; status: "SUPPRESSED"; reason: string };

/**
 * The guest's link email (docs/shoppers.md): the link row is read at send time, so a link already
 * used or expired (a send retried a day late) is not mailed. The link is the row's id signed with
 * the app secret, on the shop's storefront under the app proxy path, like the emails' footer link.
 */
export async function buildAlertsLinkContext(
  deps: Pick<AppDeps, "db" | "config" | "now">,
  shop: EmailShop,
  row: Notification,
): Promise<AlertsLinkEmail> {
  const { linkId } = rowContext.parse(row.context);
  const link = await lookUpAlertsLink(deps.db, row.shopId, linkId, deps.now());
  if (link.state !== "ready") return { ok: false, status: "SUPPRESSED", reason: `link ${link.state}` };
  // The link names the address it was asked for: a ledger row is never sent elsewhere.
  if (link.email !== row.recipient)
    return { ok: false, status: "SUPPRESSED", reason: "link not for recipient" };
  const token = signAlertLinkToken(deps.config.apiSecrets[0]!, linkId);
  return {
    ok: true,
    context: {
      shop: shop.variables,
      locale: row.locale,
      recipient: { email: row.recipient },
      link_url: storefrontLink(shop.variables.url, `${ALERTS_PAGE_PATH}/access/${token}`),
      expires_in_hours: ALERTS_LINK_HOURS,
    },
  };
}

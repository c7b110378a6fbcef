import type { AppDeps } from "../app-deps.ts";
import { fromDomain } from "../notifications/dkim-signing.ts";
import { formatFrom, senderNeedsSetup } from "../notifications/sender-address.ts";
import type { SettingsView } from "./shop-settings-repository.ts";

export type SendingView = {
  /** The From header customers see now. */
  from: string;
  /** True until the merchant has set a sender address and a reply-to (the admin warns). */
  needsSetup: boolean;
  /** The domain of the sender address, whose DNS the merchant controls. */
  senderDomain: string | null;
  /** What the merchant publishes so the app's DKIM signature counts for their domain; null when the app does not sign. */
  dkim: { selector: string; domain: string; record: string; target: string } | null;
};

/** Who the shop's emails come from and how to authenticate the sender's domain (settings page). */
export async function describeSending(
  deps: Pick<AppDeps, "db" | "config">,
  shopId: string,
  settings: Pick<SettingsView, "senderName" | "senderEmail" | "replyTo">,
): Promise<SendingView> {
  const shop = await deps.db.shop.findUniqueOrThrow({
    where: { id: shopId },
    select: { name: true, domain: true },
  });
  const from = formatFrom(deps.config.mailFrom, settings, shop.name ?? shop.domain);
  const senderDomain = fromDomain(from);
  const dkim = deps.config.dkim;
  return {
    from,
    needsSetup: senderNeedsSetup(settings),
    senderDomain,
    dkim: dkim
      ? {
          selector: dkim.selector,
          domain: dkim.domain,
          record: `${dkim.selector}._domainkey.${senderDomain ?? "your-domain"}`,
          target: `${dkim.selector}._domainkey.${dkim.domain}`,
        }
      : null,
  };
}

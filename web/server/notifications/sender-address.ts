/** What a shop's settings say about who its emails come from. */
export type SenderSettings = { senderName: string | null; senderEmail: string | null };

/**
 * The From header of a shop's emails: the merchant's sender name, else the shop's name (customers
 * know the shop, not this app), at the merchant's sender address, else the app's MAIL_FROM address.
 */
export function formatFrom(mailFrom: string, sender: SenderSettings, shopName: string): string {
  const address = sender.senderEmail ?? /<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom.trim();
  const name = (sender.senderName || shopName).replace(/["\\\r\n]/g, "").trim();
  return name ? `"${name}" <${address}>` : address;
}

/**
 * Until the merchant has set their own sender address and reply-to, customers get email from the
 * app's address and their replies go nowhere the merchant reads: the admin warns about it.
 */
export function senderNeedsSetup(settings: SenderSettings & { replyTo: string | null }): boolean {
  return !settings.senderEmail || !settings.replyTo;
}

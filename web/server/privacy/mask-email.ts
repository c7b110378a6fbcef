/**
 * The one way an address is shown where it must not be read whole: logs, the activity log, a data
 * export's subject (docs/privacy.md). Enough to tell customers apart, not to read the address:
 * the first character of the local part (only when it has more than two, so a short one is never
 * shown whole), then the domain. "jane.doe@example.com" -> "j***@example.com", "ab@example.com" ->
 * "***@example.com". The domain is what follows the last "@"; no local part at all -> "***".
 */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at <= 0) return "***";
  const visible = at > 2 ? email[0] : "";
  return `${visible}***${email.slice(at)}`;
}

// A local part then a dotted domain with a TLD; "no-reply@localhost" (no TLD) is not an address
// of a person. A masked "j***@example.com" does not match ("*" is not a local-part character).
const EMAIL_IN_TEXT = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

/** Every email address in the text, masked as maskEmail does (for log lines). */
export function maskEmailsIn(text: string): string {
  return text.includes("@") ? text.replace(EMAIL_IN_TEXT, maskEmail) : text;
}

/**
 * Shows enough of an address for a merchant to recognise a customer without exposing it whole in
 * the admin (screenshots, shared screens): first character of the local part and the domain.
 */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at <= 0) return "***";
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  const visible = local.length > 2 ? local.slice(0, 1) : "";
  return `${visible}***@${domain}`;
}

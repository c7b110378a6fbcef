import crypto from "node:crypto";

/** Endpoint secrets: "whsec_" + base64 of 24 random bytes, as the Standard Webhooks spec writes them. */
export function generateWebhookSecret(): string {
  return `whsec_${crypto.randomBytes(24).toString("base64")}`;
}

/**
 * The `webhook-signature` value of one secret (docs/integrations.md): "v1," + base64 of
 * HMAC-SHA256 over "<id>.<timestamp>.<body>", keyed with the bytes the secret's base64 encodes.
 */
export function signStandardWebhook(
  secret: string,
  id: string,
  timestampSeconds: number,
  body: string,
): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  const mac = crypto.createHmac("sha256", key).update(`${id}.${timestampSeconds}.${body}`).digest("base64");
  return `v1,${mac}`;
}

/** Every live secret signs; receivers accept any one (space-separated), so a rotation breaks nothing. */
export function webhookSignatureHeader(
  secrets: readonly string[],
  id: string,
  ts: number,
  body: string,
): string {
  return secrets.map((s) => signStandardWebhook(s, id, ts, body)).join(" ");
}

import crypto from "node:crypto";

/**
 * Shopify signs the raw body: base64(HMAC-SHA256(secret, bytes)). Any of the given secrets may
 * match (current, then previous during a rotation). Timing-safe; length is not secret.
 */
export function verifyWebhookHmac(rawBody: Buffer, header: string | undefined, secrets: readonly string[]) {
  if (!header) return false;
  const received = Buffer.from(header, "base64");
  if (received.length !== 32) return false;
  return secrets.some((secret) => {
    const expected = crypto.createHmac("sha256", secret).update(rawBody).digest();
    return crypto.timingSafeEqual(expected, received);
  });
}

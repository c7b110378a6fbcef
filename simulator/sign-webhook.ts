import { createHmac } from "node:crypto";

/** base64 HMAC-SHA256 of the exact body bytes, as in X-Shopify-Hmac-Sha256. */
export function signWebhook(body: string | Buffer, secret: string): string {
  return createHmac("sha256", secret).update(body).digest("base64");
}

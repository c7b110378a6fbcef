import { createHmac } from "node:crypto";

/**
 * App proxy signature (docs/shopify-platform.md, "App proxy signatures"): `key=value` strings (repeated values joined with ","),
 * sorted, concatenated without separator, hex HMAC-SHA256 with the app secret.
 */
export function signAppProxyQuery(params: Record<string, string | string[]>, secret: string): string {
  const message = Object.entries(params)
    .filter(([key]) => key !== "signature")
    .map(([key, value]) => `${key}=${Array.isArray(value) ? value.join(",") : value}`)
    .sort()
    .join("");
  return createHmac("sha256", secret).update(message).digest("hex");
}

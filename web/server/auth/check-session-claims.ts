import type { JwtPayload } from "@shopify/shopify-api";

/**
 * What Shopify's library leaves to the app (it checks signature, audience, and exp/nbf only when
 * present): a session token must expire, and its issuer (the shop's admin, `https://{shop}/admin`)
 * must be the same shop as its destination. Returns the shop host, or null to refuse the token.
 */
export function checkSessionClaims(payload: Partial<JwtPayload>): string | null {
  if (typeof payload.exp !== "number" || !Number.isFinite(payload.exp)) return null;
  const dest = hostOf(payload.dest);
  const iss = hostOf(payload.iss);
  if (!dest || !iss || dest !== iss) return null;
  return dest;
}

function hostOf(url: unknown): string | null {
  if (typeof url !== "string") return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" ? parsed.hostname : null;
  } catch {
    return null;
  }
}

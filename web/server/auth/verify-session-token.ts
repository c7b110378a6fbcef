import type { ShopifyApis } from "../shopify/create-shopify.ts";
import { checkSessionClaims } from "./check-session-claims.ts";

export type SessionTokenResult =
  | { ok: true; shop: string; userId: string | null; token: string }
  | { ok: false; reason: "missing" | "invalid" };

/**
 * Admin session tokens are HS256 JWTs signed with the app secret (aud = API key, dest = shop URL).
 * Verified by @shopify/shopify-api, once per secret while a rotation is under way; `exp` is
 * required and `iss` must name the shop of `dest` (check-session-claims.ts).
 */
export async function verifySessionToken(
  shopify: ShopifyApis,
  authorization: string | undefined,
): Promise<SessionTokenResult> {
  const match = authorization?.match(/^Bearer\s+(\S+)$/i);
  if (!match?.[1]) return { ok: false, reason: "missing" };
  const token = match[1];
  for (const api of shopify.verifiers) {
    try {
      const payload = await api.session.decodeSessionToken(token);
      const host = checkSessionClaims(payload);
      const shop = host ? api.utils.sanitizeShop(host) : null;
      if (!shop) return { ok: false, reason: "invalid" };
      return { ok: true, shop, userId: payload.sub ? String(payload.sub) : null, token };
    } catch {
      // wrong secret, expired, wrong audience: try the next secret, then refuse
    }
  }
  return { ok: false, reason: "invalid" };
}

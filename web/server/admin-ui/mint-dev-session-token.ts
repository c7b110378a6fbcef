import crypto from "node:crypto";
import { SignJWT } from "jose";

/**
 * A session token shaped like the ones App Bridge gets from the Shopify admin (HS256 with the app
 * secret, iss/dest the shop, aud the API key, one-minute life). Only for the offline playground and
 * tests, where there is no Shopify admin to ask: the route that calls this never exists in production.
 */
export async function mintDevSessionToken(input: {
  shop: string;
  apiKey: string;
  secret: string;
  now: Date;
  ttlSeconds?: number;
}): Promise<{ token: string; expiresAt: string }> {
  const iat = Math.floor(input.now.getTime() / 1000);
  const exp = iat + (input.ttlSeconds ?? 60);
  const token = await new SignJWT({ dest: `https://${input.shop}`, sid: crypto.randomUUID() })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuer(`https://${input.shop}/admin`)
    .setAudience(input.apiKey)
    .setSubject("1")
    .setIssuedAt(iat)
    .setNotBefore(iat)
    .setExpirationTime(exp)
    .setJti(crypto.randomUUID())
    .sign(new TextEncoder().encode(input.secret));
  return { token, expiresAt: new Date(exp * 1000).toISOString() };
}

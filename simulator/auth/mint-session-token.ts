import { randomUUID } from "node:crypto";
import { SignJWT } from "jose";

export interface MintSessionTokenInput {
  shop: string;
  sub?: string;
  ttlSeconds?: number;
  apiKey?: string;
  secret?: string;
  /** Absolute expiry (unix seconds); overrides ttlSeconds, e.g. to mint an expired token. */
  exp?: number;
}

/** An admin session token as App Bridge issues it: HS256, signed with the app secret (Shopify's session token format). */
export async function mintSessionToken(
  input: MintSessionTokenInput & { apiKey: string; secret: string; now: Date },
): Promise<string> {
  const iat = Math.floor(input.now.getTime() / 1000);
  const exp = input.exp ?? iat + (input.ttlSeconds ?? 60);
  return new SignJWT({ dest: `https://${input.shop}`, sid: randomUUID() })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuer(`https://${input.shop}/admin`)
    .setAudience(input.apiKey)
    .setSubject(input.sub ?? "1")
    .setIssuedAt(iat)
    .setNotBefore(iat)
    .setExpirationTime(exp)
    .setJti(randomUUID())
    .sign(new TextEncoder().encode(input.secret));
}

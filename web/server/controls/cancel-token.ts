import crypto from "node:crypto";
import { isShopifyIdText } from "../shopify-id.ts";

/**
 * The "ask to cancel" link token: `<payload>.<mac>`, both base64url, the MAC an HMAC-SHA256 of the
 * payload with the app's API secret. The payload names the shop, the order and the lines the
 * customer may ask to cancel, and the email it came from (so each email's link is its own).
 * Verification accepts any of the configured secrets (rotation). Pure.
 */
export type CancelTokenClaims = {
  shopId: string;
  orderId: bigint;
  lineItemIds: bigint[];
  /** The Notification row the link was sent in. */
  notificationId: string;
};

export type CancelTokenCheck =
  { ok: true; claims: CancelTokenClaims } | { ok: false; reason: "malformed" | "bad_signature" };

const mac = (secret: string, payload: string) =>
  crypto.createHmac("sha256", secret).update(`cancel:${payload}`).digest("base64url");

export function signCancelToken(secret: string, claims: CancelTokenClaims): string {
  const payload = Buffer.from(
    JSON.stringify({
      s: claims.shopId,
      o: String(claims.orderId),
      l: claims.lineItemIds.map(String),
      n: claims.notificationId,
    }),
  ).toString("base64url");
  return `${payload}.${mac(secret, payload)}`;
}

export function verifyCancelToken(secrets: readonly string[], token: string): CancelTokenCheck {
  const match = /^([A-Za-z0-9_-]{1,4000})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return { ok: false, reason: "malformed" };
  const [, payload, signature] = match as unknown as [string, string, string];
  // Compared as text, not decoded bytes: base64url's last character has spare bits, so several
  // spellings decode alike, and each spelling would be a new token (a second "one-time" request).
  const given = Buffer.from(signature);
  const valid = secrets.some((secret) => {
    const expected = Buffer.from(mac(secret, payload));
    return expected.length === given.length && crypto.timingSafeEqual(expected, given);
  });
  if (!valid) return { ok: false, reason: "bad_signature" };
  const claims = parseClaims(payload);
  return claims ? { ok: true, claims } : { ok: false, reason: "malformed" };
}

/** The unique key of a link: a request is recorded once per token. */
export function cancelTokenDigest(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

function parseClaims(payload: string): CancelTokenClaims | null {
  try {
    const raw = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Record<string, unknown>;
    const digits = (v: unknown): v is string => typeof v === "string" && isShopifyIdText(v);
    if (typeof raw.s !== "string" || typeof raw.n !== "string" || !digits(raw.o)) return null;
    if (!Array.isArray(raw.l) || raw.l.length === 0 || !raw.l.every(digits)) return null;
    return {
      shopId: raw.s,
      orderId: BigInt(raw.o),
      lineItemIds: raw.l.map((id: string) => BigInt(id)),
      notificationId: raw.n,
    };
  } catch {
    return null;
  }
}

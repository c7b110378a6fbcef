import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** Confirm and unsubscribe tokens: random, stored (unique) on the subscription, unguessable. */
export function newLinkToken(): string {
  return randomBytes(24).toString("base64url");
}

/** Link tokens in URLs: 32 base64url characters; anything else is not worth a database lookup. */
export function isLinkTokenShape(token: string): boolean {
  return /^[A-Za-z0-9_-]{32}$/.test(token);
}

/**
 * The token on the product link of a restock email: the subscription id and an HMAC of it, so a
 * click can be tied to the alert without a stored token and cannot be forged for another id.
 */
export function signProductLinkToken(secret: string, subscriptionId: string): string {
  return sign("restock-link", secret, subscriptionId);
}

/** The subscription id of a product-link token signed with any of the secrets, else null. */
export function verifyProductLinkToken(secrets: readonly string[], token: string): string | null {
  return verify("restock-link", secrets, token);
}

/** The token of a renew link (the "still interested?" email): signed like a product link. */
export function signRenewToken(secret: string, subscriptionId: string): string {
  return sign("renew-link", secret, subscriptionId);
}

export function verifyRenewToken(secrets: readonly string[], token: string): string | null {
  return verify("renew-link", secrets, token);
}

/**
 * The cancel button of the shopper alerts page: binds the subscription to the logged-in customer
 * the page was shown to, so another site cannot post a cancel with the shopper's session (CSRF).
 */
export function signAlertCancelToken(secret: string, customerId: string, subscriptionId: string): string {
  return sign("alert-cancel", secret, `${customerId}:${subscriptionId}`);
}

/** The subscription id when the token was signed for this customer, else null. */
export function verifyAlertCancelToken(
  secrets: readonly string[],
  customerId: string,
  token: string,
): string | null {
  const signed = verify("alert-cancel", secrets, token);
  const prefix = `${customerId}:`;
  return signed?.startsWith(prefix) ? signed.slice(prefix.length) : null;
}

/** The emailed link of a guest (docs/shoppers.md): its jti, signed; the row of that id says the rest. */
export function signAlertLinkToken(secret: string, linkId: string): string {
  return sign("alerts-link", secret, linkId);
}

export function verifyAlertLinkToken(secrets: readonly string[], token: string): string | null {
  return verify("alerts-link", secrets, token);
}

export type GuestSession = { shopId: string; email: string; expiresAt: Date };

/**
 * What an opened guest link grants: the alerts of one address in one shop until `expiresAt`. The
 * app proxy passes no cookies, so the page's forms carry it (hidden field), signed.
 */
export function signGuestSession(secret: string, session: GuestSession): string {
  const email = Buffer.from(session.email).toString("base64url");
  return sign("guest-session", secret, `${session.expiresAt.getTime()}:${session.shopId}:${email}`);
}

/** The session when signed with any of the secrets and not expired at `now`, else null. */
export function verifyGuestSession(
  secrets: readonly string[],
  token: string,
  now: Date,
): GuestSession | null {
  const signed = verify("guest-session", secrets, token);
  const match = signed ? /^(\d{1,15}):([^:]+):([A-Za-z0-9_-]+)$/.exec(signed) : null;
  if (!match) return null;
  const expiresAt = new Date(Number(match[1]));
  if (expiresAt.getTime() <= now.getTime()) return null;
  return { shopId: match[2]!, email: Buffer.from(match[3]!, "base64url").toString(), expiresAt };
}

type Purpose = "restock-link" | "renew-link" | "alert-cancel" | "alerts-link" | "guest-session";

function sign(purpose: Purpose, secret: string, subscriptionId: string): string {
  return `${subscriptionId}.${mac(purpose, secret, subscriptionId)}`;
}

function verify(purpose: Purpose, secrets: readonly string[], token: string): string | null {
  const dot = token.lastIndexOf(".");
  if (dot <= 0 || token.length > 600) return null;
  const id = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1));
  for (const secret of secrets) {
    const expected = Buffer.from(mac(purpose, secret, id));
    if (expected.length === given.length && timingSafeEqual(expected, given)) return id;
  }
  return null;
}

// The purpose is part of the MAC: a product-link token is no renew token.
function mac(purpose: Purpose, secret: string, subscriptionId: string): string {
  return createHmac("sha256", secret).update(`${purpose}:${subscriptionId}`).digest("base64url").slice(0, 22);
}

import crypto from "node:crypto";

export type OperatorCredentials = { user: string; password: string };

export type BasicAuthResult = { ok: true } | { ok: false; reason: "missing" | "malformed" | "mismatch" };

/**
 * Checks an `Authorization: Basic ...` header (RFC 7617) against the operator credentials.
 * Both parts are compared as SHA-256 digests with timingSafeEqual, so neither the length nor the
 * first differing byte of the user or password shows in the response time; both are always compared.
 */
export function checkBasicAuth(header: string | undefined, expected: OperatorCredentials): BasicAuthResult {
  if (!header) return { ok: false, reason: "missing" };
  const match = /^Basic ([A-Za-z0-9+/=]+)$/i.exec(header.trim());
  if (!match?.[1]) return { ok: false, reason: "malformed" };
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return { ok: false, reason: "malformed" };
  const userOk = sameSecret(decoded.slice(0, colon), expected.user);
  const passwordOk = sameSecret(decoded.slice(colon + 1), expected.password);
  return userOk && passwordOk ? { ok: true } : { ok: false, reason: "mismatch" };
}

function sameSecret(given: string, expected: string): boolean {
  const digest = (s: string) => crypto.createHash("sha256").update(s, "utf8").digest();
  return crypto.timingSafeEqual(digest(given), digest(expected));
}

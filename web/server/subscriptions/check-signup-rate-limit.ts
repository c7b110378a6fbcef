import { createHash } from "node:crypto";
import type { Db } from "../db/create-prisma.ts";
import { hitRateCounter } from "../notifications/hit-rate-counter.ts";

export type SignupLimit = { key: "ip" | "email" | "shop"; limit: number; windowSeconds: number };

/**
 * Storefront signups per client IP (bots), per address (someone flooding a victim with
 * confirmation emails) and per shop (a distributed attack); generous for real shoppers. Only
 * signups that validate (a real address, a variant of the shop) count: junk has its own limit
 * (junk-signup-limit.ts). The shop bucket is sized for a sold-out drop, whose waitlist can bring
 * thousands of shoppers within a minute, each from their own address (TRUST_PROXY).
 */
export const SIGNUP_LIMITS: Record<SignupLimit["key"], SignupLimit> = {
  ip: { key: "ip", limit: 10, windowSeconds: 60 },
  email: { key: "email", limit: 5, windowSeconds: 3600 },
  shop: { key: "shop", limit: 10_000, windowSeconds: 60 },
};

export type RateVerdict = { ok: true } | { ok: false; limit: SignupLimit["key"]; retryAfterSeconds: number };

export function signupCounterKey(limit: SignupLimit["key"], shopId: string, value: string): string {
  // Addresses are hashed: the counter table must not become a list of emails.
  const v = limit === "email" ? createHash("sha256").update(value).digest("hex").slice(0, 32) : value;
  return `signup:${limit}:${shopId}:${v}`;
}

/** Counts the attempt against each limit that applies; the first exceeded one answers. */
export async function checkSignupRateLimit(
  db: Db,
  shopId: string,
  subjects: { ip: string; email: string },
): Promise<RateVerdict> {
  const checks: [SignupLimit, string][] = [
    [SIGNUP_LIMITS.ip, subjects.ip],
    [SIGNUP_LIMITS.email, subjects.email],
    // Last: a signup refused for its address or its recipient spends nothing of the shop's budget.
    [SIGNUP_LIMITS.shop, "all"],
  ];
  for (const [limit, value] of checks) {
    const hit = await hitRateCounter(db, signupCounterKey(limit.key, shopId, value), limit.windowSeconds);
    if (hit.count > limit.limit) {
      return {
        ok: false,
        limit: limit.key,
        retryAfterSeconds: Math.max(1, Math.ceil(hit.msUntilWindowEnd / 1000)),
      };
    }
  }
  return { ok: true };
}

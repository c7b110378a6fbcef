import { createHash } from "node:crypto";
import type { SqlPool } from "../db/create-sql-pool.ts";
import { hitRateCountersInTurn } from "../limits/hit-rate-counter.ts";

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
  const v = limit === "email" ? hashedCounterValue(value) : value;
  return `signup:${limit}:${shopId}:${v}`;
}

/** An address in a counter key, hashed: the counter table must not become a list of emails. */
export function hashedCounterValue(value: string): string {
  return createHash("sha256").update(value).digest("hex").slice(0, 32);
}

/**
 * Counts the attempt against the address, the recipient and then the shop, in one statement; the
 * first exceeded limit answers and the later ones are not counted, so a signup refused for its
 * address or its recipient spends nothing of the shop's budget.
 */
export async function checkSignupRateLimit(
  sql: SqlPool,
  shopId: string,
  subjects: { ip: string; email: string },
): Promise<RateVerdict> {
  const limits = [SIGNUP_LIMITS.ip, SIGNUP_LIMITS.email, SIGNUP_LIMITS.shop];
  const values = [subjects.ip, subjects.email, "all"];
  const verdict = await hitRateCountersInTurn(
    sql,
    limits.map((limit, i) => ({
      key: signupCounterKey(limit.key, shopId, values[i]!),
      windowSeconds: limit.windowSeconds,
      limit: limit.limit,
    })),
  );
  if (verdict.ok) return { ok: true };
  return {
    ok: false,
    limit: limits[verdict.index]!.key,
    retryAfterSeconds: Math.max(1, Math.ceil(verdict.hit.msUntilWindowEnd / 1000)),
  };
}

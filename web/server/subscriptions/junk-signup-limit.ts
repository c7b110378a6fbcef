import { LRUCache } from "lru-cache";
import type { HitCounter } from "../limits/create-hit-counter.ts";
import { rateLimitVerdict } from "../limits/rate-limit-verdict.ts";

/**
 * Signups that do not validate (a bad email or id, a variant Shopify does not have) and honeypot
 * hits, per shop and client address. They never touch the shop and address buckets of real
 * signups, so junk cannot lock a shop's form. A flood of them costs no database writes: on Redis
 * (the queue backend) they are counted there, shared by every web process, so two processes do not
 * double the allowance; without Redis, or while it cannot answer, in this process's memory (then
 * the limit is per process, docs/operations.md).
 */
export const JUNK_SIGNUP_LIMIT = { limit: 30, windowSeconds: 60 } as const;

export type JunkVerdict = { ok: true } | { ok: false; retryAfterSeconds: number };

export type JunkSignupLimiterOptions = {
  limit?: number;
  windowSeconds?: number;
  /** Counters kept at once; the least recently used address is forgotten first. */
  maxKeys?: number;
  now?: () => number;
  /** The shared counter (Redis); absent, the count is this process's own. */
  shared?: HitCounter;
};

type Counter = { count: number; windowEndsAt: number };

export function createJunkSignupLimiter(opts: JunkSignupLimiterOptions = {}) {
  const limit = opts.limit ?? JUNK_SIGNUP_LIMIT.limit;
  const windowMs = (opts.windowSeconds ?? JUNK_SIGNUP_LIMIT.windowSeconds) * 1000;
  const now = opts.now ?? Date.now;
  const counters = new LRUCache<string, Counter>({ max: opts.maxKeys ?? 50_000 });
  return {
    /** Counts one junk request from `ip` at `shopId`; over the limit, how long until it resets. */
    async hit(shopId: string, ip: string): Promise<JunkVerdict> {
      const key = `${shopId}:${ip}`;
      const shared = await opts.shared?.(`junk:${key}`, windowMs / 1000);
      if (shared) return rateLimitVerdict(shared, limit);
      const t = now();
      let counter = counters.get(key);
      if (!counter || counter.windowEndsAt <= t) {
        counter = { count: 0, windowEndsAt: t + windowMs };
        counters.set(key, counter);
      }
      counter.count += 1;
      if (counter.count <= limit) return { ok: true };
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((counter.windowEndsAt - t) / 1000)) };
    },
  };
}

export type JunkSignupLimiter = ReturnType<typeof createJunkSignupLimiter>;

import { LRUCache } from "lru-cache";

/**
 * Signups that do not validate (a bad email or id, a variant Shopify does not have) and honeypot
 * hits, per shop and client address. They never touch the shop and address buckets of real
 * signups, so junk cannot lock a shop's form; and they are counted in this process's memory, not
 * in the database, so a flood of them costs no writes. With several web processes each keeps its
 * own count (the limit is per process).
 */
export const JUNK_SIGNUP_LIMIT = { limit: 30, windowSeconds: 60 } as const;

export type JunkVerdict = { ok: true } | { ok: false; retryAfterSeconds: number };

export type JunkSignupLimiterOptions = {
  limit?: number;
  windowSeconds?: number;
  /** Counters kept at once; the least recently used address is forgotten first. */
  maxKeys?: number;
  now?: () => number;
};

type Counter = { count: number; windowEndsAt: number };

export function createJunkSignupLimiter(opts: JunkSignupLimiterOptions = {}) {
  const limit = opts.limit ?? JUNK_SIGNUP_LIMIT.limit;
  const windowMs = (opts.windowSeconds ?? JUNK_SIGNUP_LIMIT.windowSeconds) * 1000;
  const now = opts.now ?? Date.now;
  const counters = new LRUCache<string, Counter>({ max: opts.maxKeys ?? 50_000 });
  return {
    /** Counts one junk request from `ip` at `shopId`; over the limit, how long until it resets. */
    hit(shopId: string, ip: string): JunkVerdict {
      const key = `${shopId}:${ip}`;
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

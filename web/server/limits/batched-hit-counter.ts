import { LRUCache } from "lru-cache";
import type { HitCheck, HitCounter } from "./create-hit-counter.ts";
import type { LimitVerdict } from "./rate-limit-verdict.ts";
import type { MaybePromise } from "../maybe-promise.ts";

/** Adds `hits` to the shared counter `key` (fixed window); answers its total and the window's rest. */
export type AddHits = HitCounter;

export type BatchedVerdict = LimitVerdict & { index?: number };

const OK: BatchedVerdict = Object.freeze({ ok: true });

type KeyState = {
  /** The shared total at the last flush (every process's hits, ours included). */
  shared: number;
  /** Our hits sent to the shared counter, not answered yet. */
  sending: number;
  /** Our hits not sent yet. */
  pending: number;
  /** Local clock; null until a flush has told us when the shared window ends. */
  windowEndsAt: number | null;
};

export type BatchedHitCounter = {
  /**
   * Counts one hit per key in order and stops at the first over its limit (as countHits does).
   * Decided at once, in the process; only a refusal before the key's first send waits for one.
   */
  check(checks: readonly HitCheck[]): MaybePromise<BatchedVerdict>;
  /** Sends every pending hit now (tests, shutdown). */
  flush(): Promise<void>;
  stop(): void;
};

/**
 * Fixed-window limits for a hot route without a round trip per request (docs/ingress-performance.md,
 * "Rate limits off the request path"): each process decides from the shared total it last heard plus
 * its own hits since, and sends its hits to the shared counter every `flushMs`, one call per key.
 * Within one process the limit is exact; across N processes a key can pass its limit by at most
 * what the others let through in one flush interval. Only a refusal before the first flush of a key
 * waits for one, to learn when the window ends (Retry-After). An unreachable counter lets traffic
 * through, as createHitCounter does.
 */
export function createBatchedHitCounter(opts: {
  add: AddHits;
  windowSeconds: number;
  flushMs: number;
  /** Keys remembered at most (clients of a flood); the least recently used is forgotten. */
  maxKeys: number;
  now?: () => number;
}): BatchedHitCounter {
  const now = opts.now ?? Date.now;
  const keys = new LRUCache<string, KeyState>({ max: opts.maxKeys });
  let flushing: Promise<void> | null = null;

  const stateOf = (key: string, at: number): KeyState => {
    let state = keys.get(key);
    if (!state) {
      state = { shared: 0, sending: 0, pending: 0, windowEndsAt: null };
      keys.set(key, state);
    } else if (state.windowEndsAt !== null && at >= state.windowEndsAt) {
      // A new shared window: what was heard belongs to the last one.
      state.shared = 0;
      state.windowEndsAt = null;
    }
    return state;
  };

  const send = async (key: string, state: KeyState): Promise<void> => {
    const hits = state.pending;
    if (hits === 0) return;
    state.pending = 0;
    state.sending += hits;
    try {
      const hit = await opts.add(key, opts.windowSeconds, hits);
      if (hit) {
        state.shared = hit.count;
        state.windowEndsAt = now() + hit.msUntilWindowEnd;
      }
    } catch {
      // `add` reports its own failures (createHitCounter logs and answers null); these hits are dropped.
    } finally {
      state.sending -= hits;
    }
  };

  const flushAll = async (): Promise<void> => {
    const sends: Promise<void>[] = [];
    for (const [key, state] of keys.entries()) {
      if (state.pending > 0) sends.push(send(key, state));
    }
    await Promise.all(sends);
  };
  const flush = (): Promise<void> => {
    flushing ??= flushAll().finally(() => {
      flushing = null;
    });
    return flushing;
  };
  const refusal = (index: number, state: KeyState): BatchedVerdict => {
    const msLeft = state.windowEndsAt === null ? opts.windowSeconds * 1000 : state.windowEndsAt - now();
    return { ok: false, index, retryAfterSeconds: Math.max(1, Math.ceil(msLeft / 1000)) };
  };
  const timer = setInterval(() => void flush(), opts.flushMs);
  timer.unref();

  return {
    check(checks) {
      const at = now();
      for (let index = 0; index < checks.length; index++) {
        const { key, limit } = checks[index]!;
        const state = stateOf(key, at);
        state.pending += 1; // a refused hit counts too, as on the shared counter
        if (state.shared + state.sending + state.pending <= limit) continue;
        if (state.windowEndsAt === null) return send(key, state).then(() => refusal(index, state));
        return refusal(index, state);
      }
      return OK;
    },
    flush,
    stop: () => clearInterval(timer),
  };
}

import { recomputeVariant, type RecomputeDeps } from "../../web/server/backorders/recompute-variant.ts";

type Run = { startedAtMs: number; done: Promise<unknown> };

/** Recomputes started in this process, by variant: the latest one of each. */
const runs = new Map<string, Run>();
const KEEP_MS = 60_000;

/**
 * Brings a variant's allocation up to date with everything stored before `sinceMs`, sharing work:
 * a recompute started in this process after `sinceMs` reads (under the variant's lock, after
 * it starts) every change committed before it, so waiting for that one is enough. A burst of
 * notify-order jobs released together recomputes each variant once per worker, not once per order.
 */
export async function recomputeAfter(
  deps: RecomputeDeps,
  shopId: string,
  variantId: bigint,
  sinceMs: number,
): Promise<void> {
  const key = `${shopId}:${variantId}`;
  const latest = runs.get(key);
  // Strictly after: within the same millisecond the order of the two is unknown.
  if (latest && latest.startedAtMs > sinceMs) {
    await latest.done;
    return;
  }
  const startedAtMs = Date.now();
  const done = recomputeVariant(deps, shopId, variantId);
  runs.set(key, { startedAtMs, done: done.catch(() => undefined) });
  if (runs.size > 1_000) {
    for (const [k, run] of runs) if (run.startedAtMs < startedAtMs - KEEP_MS) runs.delete(k);
  }
  await done;
}

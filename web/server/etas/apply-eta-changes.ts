import type { Prisma } from "@prisma/client";
import type { Queues } from "../queues/create-queues.ts";
import type { Db } from "../db/create-prisma.ts";
import { enqueueEtaChanged, enqueueEtaMetafieldSync } from "./enqueue-eta-jobs.ts";
import { loadEtaShopContext } from "./eta-shop-context.ts";
import { resolveRowEta } from "./eta-view.ts";
import { selectEtaRowsByIds } from "./query-eta-rows.ts";
import { upsertVariantEtas } from "./upsert-variant-etas.ts";
import type { EtaChange, EtaSetSource } from "./eta-change.ts";

export type ApplyEtaResult = { updated: number; moved: bigint[] };

/** For an import that reports progress: rows written so far, and a last write in the same transaction. */
export type ApplyEtaHooks = {
  onWritten?: (rows: number) => Promise<void>;
  beforeCommit?: (tx: Prisma.TransactionClient, result: ApplyEtaResult) => Promise<void>;
};

/**
 * Stores explicit ETAs in one transaction (all or nothing), then, once committed, schedules the
 * metafield sync and the "ETA changed" emails for variants whose resolved ETA actually moved.
 * Callers check that the variants exist; unknown ones would only create orphan rows.
 */
export async function applyEtaChanges(
  deps: { db: Db; queues: Queues },
  shopId: string,
  changes: readonly EtaChange[],
  source: EtaSetSource,
  now: Date,
  hooks: ApplyEtaHooks = {},
): Promise<ApplyEtaResult> {
  if (changes.length === 0) return { updated: 0, moved: [] };
  const ctx = await loadEtaShopContext(deps.db, shopId);
  const ids = changes.map((c) => c.variantId);
  const moved = await deps.db.$transaction(
    async (tx) => {
      const before = new Map(
        (await selectEtaRowsByIds(tx, shopId, ids)).map((r) => [r.variantId, resolveRowEta(r, ctx, now).eta]),
      );
      await upsertVariantEtas(tx, shopId, changes, source, hooks.onWritten);
      const after = await selectEtaRowsByIds(tx, shopId, ids);
      const changed = after
        .filter((r) => before.get(r.variantId) !== resolveRowEta(r, ctx, now).eta)
        .map((r) => r.variantId);
      await hooks.beforeCommit?.(tx, { updated: changes.length, moved: changed });
      return changed;
    },
    { timeout: 60_000 },
  );
  await enqueueEtaMetafieldSync(deps, shopId);
  if (moved.length > 0) await enqueueEtaChanged(deps, shopId, moved);
  return { updated: changes.length, moved };
}

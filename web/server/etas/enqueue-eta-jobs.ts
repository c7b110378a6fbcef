import type { Queues } from "../queues/create-queues.ts";
import { etaChangedJob } from "../queues/definitions/eta-changed.ts";
import { syncEtaMetafieldsJob } from "../queues/definitions/sync-eta-metafields.ts";
import { enqueueCoalesced } from "../queues/enqueue-coalesced.ts";
import type { Db } from "../db/create-prisma.ts";

type EtaJobDeps = { db: Db; queues: Queues };

/** A burst of edits (a bulk change, stock moving on several variants) makes one sync per shop. */
export const ETA_SYNC_WINDOW_MS = 2_000;
const ETA_CHANGED_CHUNK = 500;

/**
 * The ETA inputs of some of the shop's variants changed (an ETA, a lead time, stock, policy):
 * invalidates the app proxy's ETA caches (in every web process) and schedules a metafield sync,
 * coalesced per shop over a short window. Call it after the change is committed.
 */
export async function enqueueEtaMetafieldSync(deps: EtaJobDeps, shopId: string): Promise<void> {
  await bumpEtaVersion(deps.db, shopId);
  await enqueueCoalesced(deps.queues, syncEtaMetafieldsJob, { shopId }, shopId, ETA_SYNC_WINDOW_MS);
}

/** Bumps Shop.etaVersion, which the app proxy's caches compare against. */
export async function bumpEtaVersion(db: Db, shopId: string): Promise<void> {
  await db.shop.update({ where: { id: shopId }, data: { etaVersion: { increment: 1 } } });
}

/** Starts the "ETA changed" flow for variants whose resolved ETA moved. */
export async function enqueueEtaChanged(deps: EtaJobDeps, shopId: string, variantIds: readonly bigint[]) {
  const ids = [...new Set(variantIds.map(String))];
  const items = [];
  for (let i = 0; i < ids.length; i += ETA_CHANGED_CHUNK) {
    items.push({ payload: { shopId, variantIds: ids.slice(i, i + ETA_CHANGED_CHUNK) } });
  }
  await deps.queues.enqueueBulk(etaChangedJob, items);
}

/**
 * The shop's default lead time changed (settings): any variant without a date of its own may have
 * moved. Every variant with open backordered lines goes through the ETA-changed flow, which emails
 * only the orders whose line ETA really differs from what they were told.
 */
export async function enqueueShopLeadTimeChanged(deps: EtaJobDeps, shopId: string): Promise<void> {
  await enqueueEtaMetafieldSync(deps, shopId);
  const lines = await deps.db.backorderLine.findMany({
    where: { shopId, status: "OPEN" },
    distinct: ["variantId"],
    select: { variantId: true },
  });
  await enqueueEtaChanged(
    deps,
    shopId,
    lines.map((l) => l.variantId),
  );
}

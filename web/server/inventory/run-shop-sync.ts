import { UnrecoverableError } from "bullmq";
import { z } from "zod";
import type { Db } from "../db/create-prisma.ts";
import type { AdminClient } from "../shopify/admin/create-admin-client.ts";
import {
  BULK_OPERATION_QUERY,
  BULK_OPERATION_RUN_QUERY_MUTATION,
  BULK_SYNC_QUERY,
} from "../shopify/admin/documents/index.ts";
import { syncShopDetails } from "../shops/sync-shop-details.ts";
import { parseBulkVariants } from "./parse-bulk-variants.ts";
import { storeVariantState } from "./store-variant-state.ts";

export type SyncStep =
  | { state: "started"; bulkOperationId: string }
  | { state: "running" }
  | { state: "done"; variantIds: bigint[] }
  /** The operation is not (or no longer) the shop's running sync: finished by the other path. */
  | { state: "settled" }
  | { state: "failed"; reason: string };

type SyncDeps = { db: Db; client: () => Promise<AdminClient>; now: () => Date; fetch?: typeof fetch };

const runResult = z.object({
  bulkOperationRunQuery: z.object({
    bulkOperation: z.object({ id: z.string() }).nullable(),
    userErrors: z.array(z.object({ message: z.string(), code: z.string().nullish() })),
  }),
});
const statusResult = z.object({
  node: z
    .object({
      id: z.string(),
      status: z.string(),
      errorCode: z.string().nullish(),
      url: z.string().nullish(),
    })
    .nullable(),
});

/** Stored-variant count written every this many variants while a sync stores its result. */
const SYNC_PROGRESS_EVERY = 250;

/**
 * One step of the initial sync: start the bulk operation, or check on it and, once completed, cache
 * every variant with its levels. The caller re-runs running steps later (a delayed job).
 */
export async function runShopSync(
  deps: SyncDeps,
  shopId: string,
  bulkOperationId?: string,
): Promise<SyncStep> {
  return bulkOperationId ? finishShopSync(deps, shopId, bulkOperationId) : startShopSync(deps, shopId);
}

async function startShopSync(deps: SyncDeps, shopId: string): Promise<SyncStep> {
  const client = await deps.client();
  await syncShopDetails(deps.db, client, shopId);
  const result = runResult.parse(
    await client.request(BULK_OPERATION_RUN_QUERY_MUTATION, { query: BULK_SYNC_QUERY }),
  );
  const operation = result.bulkOperationRunQuery.bulkOperation;
  if (!operation) {
    // A shop runs one bulk query at a time: another one still running is worth waiting for.
    const busy = result.bulkOperationRunQuery.userErrors.some((e) => /already in progress/i.test(e.message));
    if (busy) throw new Error("another bulk operation is running");
    throw new UnrecoverableError(result.bulkOperationRunQuery.userErrors.map((e) => e.message).join("; "));
  }
  await deps.db.shop.update({
    where: { id: shopId },
    data: { syncStatus: "RUNNING", syncOperation: operation.id },
  });
  return { state: "started", bulkOperationId: operation.id };
}

/**
 * Finishes the shop's running sync from its bulk operation: called by the bulk_operations/finish
 * webhook and by the fallback poll, whichever comes first. Idempotent: once the sync is DONE (or
 * the operation is not the shop's current one) it reads nothing and changes nothing; two callers at
 * once store the same rows (upserts), and only the one that marks the sync DONE reports "done".
 */
export async function finishShopSync(
  deps: SyncDeps,
  shopId: string,
  bulkOperationId: string,
): Promise<SyncStep> {
  // A sync started before operations were recorded (null) is finished by its poll as before.
  const current = {
    id: shopId,
    syncStatus: "RUNNING",
    OR: [{ syncOperation: bulkOperationId }, { syncOperation: null }],
  };
  const shop = await deps.db.shop.findFirst({ where: current, select: { id: true } });
  if (!shop) return { state: "settled" };
  const client = await deps.client();
  const { node } = statusResult.parse(await client.request(BULK_OPERATION_QUERY, { id: bulkOperationId }));
  if (!node || ["FAILED", "CANCELED", "EXPIRED"].includes(node.status)) {
    await deps.db.shop.updateMany({ where: current, data: { syncStatus: "FAILED" } });
    return {
      state: "failed",
      reason: `bulk sync ${bulkOperationId}: ${node?.status ?? "missing"} ${node?.errorCode ?? ""}`,
    };
  }
  if (node.status !== "COMPLETED") return { state: "running" };
  const states = node.url ? parseBulkVariants(await download(deps.fetch ?? fetch, node.url), deps.now()) : [];
  // Progress for the admin's setup guide: how many of the returned variants are stored so far.
  await deps.db.shop.updateMany({ where: current, data: { syncTotal: states.length, syncStored: 0 } });
  for (const [index, state] of states.entries()) {
    await storeVariantState(deps.db, shopId, state);
    if ((index + 1) % SYNC_PROGRESS_EVERY === 0)
      await deps.db.shop.updateMany({ where: current, data: { syncStored: index + 1 } });
  }
  const marked = await deps.db.shop.updateMany({
    where: current,
    data: { syncStatus: "DONE", syncedAt: deps.now(), syncStored: states.length },
  });
  if (marked.count === 0) return { state: "settled" };
  return { state: "done", variantIds: states.map((s) => s.variantId) };
}

async function download(fetchFn: typeof fetch, url: string): Promise<string> {
  const response = await fetchFn(url);
  if (!response.ok) throw new Error(`bulk result download failed: ${response.status}`);
  return response.text();
}

import { Prisma } from "@prisma/client";
import type { Db } from "../db/create-prisma.ts";
import type { Logger } from "../logger.ts";
import type { AdminClient } from "../shopify/admin/create-admin-client.ts";
import {
  ETA_METAFIELDS_DELETE_MUTATION,
  ETA_METAFIELDS_SET_MUTATION,
  type MetafieldsDeleteResult,
  type MetafieldsSetResult,
} from "./eta-metafield-documents.ts";
import { loadEtaShopContext } from "./eta-shop-context.ts";
import { hasExplicitEta, resolveRowEta } from "./eta-view.ts";
import { recordPushedEtas, type PushedEta } from "./record-pushed-etas.ts";
import { selectEtaRows } from "./query-eta-rows.ts";
import {
  desiredEtaMetafields,
  packBatches,
  planEtaMetafieldWrites,
  type MetafieldDeleteInput,
  type MetafieldSetInput,
} from "./plan-eta-metafields.ts";

/** metafieldsSet takes at most 25 metafields per call (docs/shopify-platform.md, "Admin API limits"). */
export const METAFIELDS_PER_CALL = 25;
const PAGE = 1_000;

type Pending = PushedEta & { set: MetafieldSetInput[]; delete: MetafieldDeleteInput[] };
export type SyncEtaResult = { checked: number; written: number; calls: number; failed: string[] };

/**
 * Brings the $app ETA metafields of the shop's variants to their desired values, writing only the
 * variants whose desired values differ from what was last pushed (VariantEta.pushed*). Batches hold
 * at most 25 metafields and a variant's writes never span two batches. A batch refused with
 * userErrors is retried one variant at a time so one bad variant does not hold back 24 others; the
 * ones still refused make the run throw at the end (the job retries them, the rest is recorded).
 */
export async function syncEtaMetafields(
  deps: { db: Db; logger: Logger },
  shopId: string,
  getAdmin: () => Promise<Pick<AdminClient, "request">>,
  now: Date,
): Promise<SyncEtaResult> {
  const ctx = await loadEtaShopContext(deps.db, shopId);
  const result: SyncEtaResult = { checked: 0, written: 0, calls: 0, failed: [] };
  let admin: Pick<AdminClient, "request"> | undefined;
  const write = async (variants: Pending[]): Promise<boolean> => {
    admin ??= await getAdmin();
    const sets = variants.flatMap((v) => v.set);
    const deletes = variants.flatMap((v) => v.delete);
    let refused = false;
    if (sets.length > 0) {
      result.calls++;
      const data = await admin.request<MetafieldsSetResult>(ETA_METAFIELDS_SET_MUTATION, {
        metafields: sets,
      });
      refused ||= data.metafieldsSet.userErrors.length > 0;
      if (refused)
        deps.logger.warn({ shopId, errors: data.metafieldsSet.userErrors }, "eta metafields refused");
    }
    if (!refused && deletes.length > 0) {
      result.calls++;
      const data = await admin.request<MetafieldsDeleteResult>(ETA_METAFIELDS_DELETE_MUTATION, {
        metafields: deletes,
      });
      refused ||= data.metafieldsDelete.userErrors.length > 0;
      if (refused)
        deps.logger.warn({ shopId, errors: data.metafieldsDelete.userErrors }, "eta metafields refused");
    }
    if (!refused) await recordPushedEtas(deps.db, shopId, variants, now);
    return !refused;
  };

  let after: bigint | undefined;
  for (;;) {
    const where = after === undefined ? [] : [Prisma.sql`v."variantId" > ${after}`];
    const rows = await selectEtaRows(deps.db, shopId, { where, limit: PAGE });
    const pending: Pending[] = [];
    for (const row of rows) {
      const desired = desiredEtaMetafields(
        { ...row, explicit: hasExplicitEta(row) },
        resolveRowEta(row, ctx, now),
      );
      const pushed = { eta: row.pushedEta, message: row.pushedMessage, backordered: row.pushedBackordered };
      const writes = planEtaMetafieldWrites(`gid://shopify/ProductVariant/${row.variantId}`, desired, pushed);
      if (writes.set.length + writes.delete.length > 0)
        pending.push({ variantId: row.variantId, ...desired, ...writes });
    }
    result.checked += rows.length;
    const size = (v: Pending) => Math.max(v.set.length, v.delete.length);
    for (const batch of packBatches(pending, size, METAFIELDS_PER_CALL)) {
      if (await write(batch)) {
        result.written += batch.length;
        continue;
      }
      for (const variant of batch) {
        if (batch.length > 1 && (await write([variant]))) result.written++;
        else result.failed.push(variant.variantId.toString());
      }
    }
    if (rows.length < PAGE) break;
    after = rows[rows.length - 1]!.variantId;
  }
  if (result.failed.length > 0) {
    throw new Error(`eta metafields refused for variants ${result.failed.slice(0, 20).join(", ")}`);
  }
  return result;
}

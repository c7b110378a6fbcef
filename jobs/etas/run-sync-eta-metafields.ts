import { syncEtaMetafieldsJob } from "../../web/server/queues/definitions/sync-eta-metafields.ts";
import { createAdminClient } from "../../web/server/shopify/admin/create-admin-client.ts";
import { syncEtaMetafields, type SyncEtaResult } from "../../web/server/etas/sync-eta-metafields.ts";
import {
  ensureMetafieldDefinitions,
  type EnsureDefinitionsResult,
} from "../../web/server/etas/ensure-metafield-definitions.ts";
import type { AppDeps } from "../../web/server/app-deps.ts";

/** One shop's metafield sync; nothing for a shop that is gone or uninstalled (its token is revoked). */
export async function runSyncEtaMetafields(deps: AppDeps, shopId: string): Promise<SyncEtaResult | null> {
  const shop = await deps.db.shop.findUnique({
    where: { id: shopId },
    select: { domain: true, uninstalledAt: true },
  });
  if (!shop || shop.uninstalledAt) return null;
  return syncEtaMetafields(deps, shopId, () => createAdminClient(deps, shop.domain), deps.now());
}

/** The install's check of the app's metafield definitions; nothing for a shop that is gone. */
export async function runEnsureMetafieldDefinitions(
  deps: AppDeps,
  shopId: string,
): Promise<EnsureDefinitionsResult | null> {
  const shop = await deps.db.shop.findUnique({
    where: { id: shopId },
    select: { domain: true, uninstalledAt: true },
  });
  if (!shop || shop.uninstalledAt) return null;
  return ensureMetafieldDefinitions(deps, shop.domain, await createAdminClient(deps, shop.domain));
}

/** Enqueues a sync per installed shop; each sync writes only what differs, so a quiet shop costs a read. */
export async function sweepEtaMetafields(deps: AppDeps): Promise<{ shops: number }> {
  const shops = await deps.db.shop.findMany({ where: { uninstalledAt: null }, select: { id: true } });
  const hour = Math.floor(deps.now().getTime() / 3_600_000);
  await deps.queues.enqueueBulk(
    syncEtaMetafieldsJob,
    shops.map((s) => ({ payload: { shopId: s.id }, jobId: `sync-eta-metafields-sweep-${s.id}-${hour}` })),
  );
  return { shops: shops.length };
}

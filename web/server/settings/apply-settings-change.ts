import { enqueueRecompute } from "../queues/enqueue-variant-work.ts";
import type { AppDeps } from "../app-deps.ts";
import { recheckShopVariants } from "../controls/variant-controls.ts";
import { enqueueShopLeadTimeChanged } from "../etas/enqueue-eta-jobs.ts";

type Changed = {
  countedLocationIds?: unknown;
  restockThreshold?: unknown;
  defaultLeadTimeDays?: unknown;
  defaultBackorderCap?: unknown;
};

/**
 * Settings that feed derived state take effect at once, not at the next webhook: which locations
 * count (every variant's available, so its backorders), the shop's lead time (ETAs, metafields,
 * "ETA changed" emails), and the default backorder cap (the selling switch).
 */
export async function applySettingsChange(
  deps: Pick<AppDeps, "db" | "queues">,
  shopId: string,
  before: Changed,
  after: Changed,
): Promise<void> {
  const changed = (key: keyof Changed) => JSON.stringify(before[key]) !== JSON.stringify(after[key]);
  if (changed("countedLocationIds") || changed("restockThreshold")) {
    const variants = await deps.db.variant.findMany({
      where: { shopId, deletedAt: null },
      select: { variantId: true },
    });
    await enqueueRecompute(
      deps.queues,
      shopId,
      variants.map((v) => v.variantId),
    );
  }
  if (changed("defaultLeadTimeDays")) await enqueueShopLeadTimeChanged(deps, shopId);
  if (changed("defaultBackorderCap")) await recheckShopVariants(deps, shopId);
}

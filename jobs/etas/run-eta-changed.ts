import { notifyEtaChangedForVariants } from "../../web/server/backorders/notify-eta-changed.ts";
import { emitEtaChanged } from "../../web/server/integrations/events/eta-events.ts";
import type { AppDeps } from "../../web/server/app-deps.ts";

/**
 * The resolved ETA of these variants moved: the backorder engine updates their open lines and
 * schedules one "ETA changed" email per affected order (it dedupes per order and per told ETA, so a
 * retry of this job sends nothing twice).
 */
export async function runEtaChanged(
  deps: AppDeps,
  input: { shopId: string; variantIds: string[] },
): Promise<{ orders: number }> {
  const shop = await deps.db.shop.findUnique({
    where: { id: input.shopId },
    select: { uninstalledAt: true },
  });
  if (!shop || shop.uninstalledAt) return { orders: 0 };
  const orders = await notifyEtaChangedForVariants(deps, input.shopId, input.variantIds);
  await emitEtaChanged(deps, input.shopId, input.variantIds, deps.now());
  return { orders };
}

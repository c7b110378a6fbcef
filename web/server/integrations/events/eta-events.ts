import type { Queues } from "../../queues/create-queues.ts";
import { loadVariantEtaResolver } from "../../backorders/resolve-variant-eta.ts";
import type { Db } from "../../db/create-prisma.ts";
import { emitIntegrationEvent } from "./emit-integration-event.ts";
import { isoDate, variantSummary } from "./event-fields.ts";

/**
 * eta.changed per variant whose resolved ETA moved: the new date, the message, how many open lines
 * wait. Keyed by the new ETA and the time the variant's ETA row last changed.
 */
export async function emitEtaChanged(
  deps: { db: Db; queues: Queues },
  shopId: string,
  variantIds: readonly string[],
  now: Date,
): Promise<void> {
  const settings = await deps.db.shopSettings.findUnique({
    where: { shopId },
    select: { defaultLeadTimeDays: true },
  });
  for (const id of variantIds) {
    const variantId = BigInt(id);
    const variant = await deps.db.variant.findUnique({
      where: { shopId_variantId: { shopId, variantId } },
      select: { variantId: true, productId: true },
    });
    if (!variant) continue;
    const [resolve, row, openLines] = await Promise.all([
      loadVariantEtaResolver(deps.db, shopId, variant, settings?.defaultLeadTimeDays ?? null),
      deps.db.variantEta.findUnique({ where: { shopId_variantId: { shopId, variantId } } }),
      deps.db.backorderLine.count({ where: { shopId, variantId, status: "OPEN" } }),
    ]);
    const eta = isoDate(resolve(now));
    await emitIntegrationEvent(deps, shopId, {
      type: "eta.changed",
      key: `${id}:${eta ?? "none"}:${row?.updatedAt.toISOString() ?? "default"}`,
      data: {
        variant: await variantSummary(deps.db, shopId, variantId),
        eta,
        message: row?.message ?? null,
        openBackorderLines: openLines,
      },
    });
  }
}

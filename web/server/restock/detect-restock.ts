import { restockWaveJob, restockWaveJobId } from "../queues/definitions/restock-wave.ts";
import { emitBackInStock } from "../integrations/events/stock-events.ts";
import { decideRestockCrossing } from "./decide-restock-crossing.ts";
import { readCountedStock } from "./read-counted-stock.ts";
import type { AppDeps } from "../app-deps.ts";

export type RestockDetection =
  | { outcome: "restocked"; restockEventId: string; available: number }
  | { outcome: "sold_out" | "unchanged" | "skipped"; available?: number };

/**
 * Runs when a variant's stock may have changed. Records one RestockEvent per upward crossing of
 * the shop's threshold and starts its first wave. The side of the threshold is flipped under a
 * row lock, so duplicate and out-of-order triggers record a crossing once.
 */
export async function detectRestock(
  deps: AppDeps,
  shopId: string,
  variantId: bigint,
): Promise<RestockDetection> {
  const shop = await deps.db.shop.findUnique({ where: { id: shopId }, include: { settings: true } });
  if (!shop || shop.uninstalledAt) return { outcome: "skipped" };
  const variant = await deps.db.variant.findUnique({ where: { shopId_variantId: { shopId, variantId } } });
  if (!variant) return { outcome: "skipped" };
  const threshold = shop.settings?.restockThreshold ?? 0;

  // Only variants someone waits for are worth an Admin API read; the others follow our cache.
  const waiting = await deps.db.subscription.findFirst({
    where: { shopId, variantId, status: "ACTIVE" },
    select: { id: true },
  });
  const stock = waiting
    ? await readCountedStock(deps, shop.domain, variantId, shop.settings?.countedLocationIds ?? [])
    : { available: variant.available, tracked: variant.tracked };
  if (!stock) return { outcome: "skipped" };

  const result = await deps.db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ aboveThreshold: boolean; restockCrossings: number }[]>`
      select "aboveThreshold", "restockCrossings" from "Variant" where id = ${variant.id} for update`;
    if (!locked) return null;
    const crossing = decideRestockCrossing({
      wasAbove: locked.aboveThreshold,
      available: stock.available,
      threshold,
      tracked: stock.tracked,
    });
    if (crossing === "none") return { crossing };
    if (crossing === "down" || !waiting) {
      await tx.variant.update({ where: { id: variant.id }, data: { aboveThreshold: crossing === "up" } });
      return { crossing };
    }
    const count = locked.restockCrossings + 1;
    await tx.variant.update({
      where: { id: variant.id },
      data: { aboveThreshold: true, restockCrossings: count },
    });
    // A new crossing supersedes an older event still waiting for its next wave.
    await tx.restockEvent.updateMany({
      where: { shopId, variantId, status: "ACTIVE" },
      data: { status: "STOPPED", completedAt: deps.now() },
    });
    const event = await tx.restockEvent.create({
      data: { shopId, variantId, crossing: count, availableAtStart: stock.available, nextWaveAt: deps.now() },
    });
    return { crossing, eventId: event.id };
  });
  deps.logger.debug(
    { shopId, variantId: String(variantId), available: stock.available, crossing: result?.crossing },
    "stock checked",
  );
  if (!result) return { outcome: "skipped" };
  if (result.crossing === "down") return { outcome: "sold_out", available: stock.available };
  if (!("eventId" in result) || !result.eventId) return { outcome: "unchanged", available: stock.available };
  // If this enqueue is lost the sweeper starts the wave: the event is due (nextWaveAt = now).
  await deps.queues.enqueue(
    restockWaveJob,
    { shopId, restockEventId: result.eventId, wave: 1 },
    { jobId: restockWaveJobId(result.eventId, 1) },
  );
  await emitBackInStock(deps, shopId, {
    variantId,
    restockEventId: result.eventId,
    available: stock.available,
  });
  deps.logger.info(
    { shopId, variantId: String(variantId), restockEventId: result.eventId, available: stock.available },
    "restock detected",
  );
  return { outcome: "restocked", restockEventId: result.eventId, available: stock.available };
}

import { restockWaveJob, restockWaveJobId } from "../queues/definitions/restock-wave.ts";
import { fillRestockWave, reenqueuePending } from "./fill-restock-wave.ts";
import { planRestockWave } from "./plan-restock-wave.ts";
import { countPending } from "./restock-candidates.ts";
import { readCountedStock } from "./read-counted-stock.ts";
import type { AppDeps } from "../app-deps.ts";

export type WaveOutcome =
  | { outcome: "sent"; wave: number; size: number; assigned: number }
  | { outcome: "wait"; until: Date }
  | { outcome: "stopped"; reason: "sold_out" | "done" | "inactive" | "stale" };

/**
 * One wave of a restock event (docs/core-rules.md, "Restock waves"): re-read the stock, size the wave with the pure planner,
 * record the plan on the event (once, whoever races), fill it, schedule the next one.
 * A job for a wave already planned (retry after a crash, duplicate) only resumes the fill.
 */
export async function runRestockWave(
  deps: AppDeps,
  restockEventId: string,
  wave: number,
): Promise<WaveOutcome> {
  const event = await deps.db.restockEvent.findUnique({ where: { id: restockEventId } });
  if (!event || event.status !== "ACTIVE") return { outcome: "stopped", reason: "inactive" };
  const shop = await deps.db.shop.findUnique({ where: { id: event.shopId }, include: { settings: true } });
  if (!shop || shop.uninstalledAt) return stop(deps, event.id, "STOPPED", "inactive");
  const settings = {
    threshold: shop.settings?.restockThreshold ?? 0,
    multiplier: shop.settings?.waveMultiplier ?? 3,
    windowMinutes: shop.settings?.waveWindowMinutes ?? 120,
    keepSubscribed: shop.settings?.keepSubscribed ?? false,
  };
  if (event.wavesSent >= wave) {
    await reenqueuePending(deps, event.id, event.shopId);
    const assigned = await fillRestockWave(deps, event, event.wavesSent, settings.keepSubscribed);
    return finishWave(deps, event, event.wavesSent, 0, assigned);
  }
  if (event.wavesSent !== wave - 1) return { outcome: "stopped", reason: "stale" };

  const stock = await readCountedStock(
    deps,
    shop.domain,
    event.variantId,
    shop.settings?.countedLocationIds ?? [],
  );
  const now = deps.now();
  const plan = planRestockWave({
    available: stock?.tracked === false ? Number.MAX_SAFE_INTEGER : (stock?.available ?? 0),
    threshold: settings.threshold,
    multiplier: settings.multiplier,
    windowMinutes: settings.windowMinutes,
    lastWaveAt: event.lastWaveAt,
    wavesSent: event.wavesSent,
    pendingCount: await countPending(deps.db, event.shopId, event.variantId, event.id),
    now,
  });
  if (plan.action === "wait") return { outcome: "wait", until: plan.until };
  if (plan.action === "stop")
    return stop(deps, event.id, plan.reason === "done" ? "COMPLETED" : "STOPPED", plan.reason);

  // The conditional update is the lock: of two jobs planning this wave, one records its plan.
  const planned = await deps.db.restockEvent.updateMany({
    where: { id: event.id, wavesSent: wave - 1, status: "ACTIVE" },
    data: {
      wavesSent: wave,
      targetCount: { increment: plan.size },
      lastWaveAt: now,
      nextWaveAt: new Date(now.getTime() + settings.windowMinutes * 60_000),
    },
  });
  if (planned.count === 0) return { outcome: "stopped", reason: "stale" };
  const assigned = await fillRestockWave(deps, event, wave, settings.keepSubscribed);
  deps.logger.info(
    { shopId: event.shopId, restockEventId: event.id, wave, size: plan.size, assigned },
    "restock wave sent",
  );
  return finishWave(deps, event, wave, plan.size, assigned);
}

async function finishWave(
  deps: AppDeps,
  event: { id: string; shopId: string; variantId: bigint },
  wave: number,
  size: number,
  assigned: number,
): Promise<WaveOutcome> {
  if ((await countPending(deps.db, event.shopId, event.variantId, event.id)) === 0) {
    await stop(deps, event.id, "COMPLETED", "done");
    return { outcome: "sent", wave, size, assigned };
  }
  const current = await deps.db.restockEvent.findUniqueOrThrow({ where: { id: event.id } });
  const delay = Math.max(0, (current.nextWaveAt?.getTime() ?? 0) - deps.now().getTime());
  await deps.queues.enqueue(
    restockWaveJob,
    { shopId: event.shopId, restockEventId: event.id, wave: wave + 1 },
    { jobId: restockWaveJobId(event.id, wave + 1), delay },
  );
  return { outcome: "sent", wave, size, assigned };
}

async function stop(
  deps: AppDeps,
  id: string,
  status: "COMPLETED" | "STOPPED",
  reason: "sold_out" | "done" | "inactive",
): Promise<WaveOutcome> {
  await deps.db.restockEvent.updateMany({
    where: { id, status: "ACTIVE" },
    data: { status, completedAt: deps.now(), nextWaveAt: null },
  });
  return { outcome: "stopped", reason };
}

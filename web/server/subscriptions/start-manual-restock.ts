import type { Queues } from "../queues/create-queues.ts";
import { restockWaveJob, restockWaveJobId } from "../queues/definitions/restock-wave.ts";
import type { Db } from "../db/create-prisma.ts";
import { sendNowBlocker, type SendNowBlocker } from "./send-now-blocker.ts";

export type ManualRestockResult =
  | { ok: true; restockEventId: string; waiting: number }
  | { ok: false; reason: SendNowBlocker | "already_starting" };

/**
 * The merchant's "send now": records a restock event for the variant as a detected crossing would
 * (web/server/restock/detect-restock.ts) and queues its first wave. Waves stay sized by the stock
 * (the planner re-reads it), so a manual send never alerts far more people than there are units;
 * it only skips waiting for the next inventory webhook or wave window.
 */
export async function startManualRestock(
  deps: { db: Db; queues: Queues },
  shopId: string,
  variantId: bigint,
  now: Date,
): Promise<ManualRestockResult> {
  const [variant, settings, waiting] = await Promise.all([
    deps.db.variant.findUnique({ where: { shopId_variantId: { shopId, variantId } } }),
    deps.db.shopSettings.findUnique({ where: { shopId }, select: { restockThreshold: true } }),
    deps.db.subscription.count({ where: { shopId, variantId, status: "ACTIVE" } }),
  ]);
  const blocker = sendNowBlocker(
    variant && {
      deleted: variant.deletedAt !== null,
      tracked: variant.tracked,
      available: variant.available,
    },
    waiting,
    settings?.restockThreshold ?? 0,
  );
  if (blocker || !variant) return { ok: false, reason: blocker ?? "unknown_variant" };

  const eventId = await deps.db.$transaction(async (tx) => {
    // The same row lock as detectRestock: the crossing counter stays unique under races.
    const [locked] = await tx.$queryRaw<{ restockCrossings: number }[]>`
      select "restockCrossings" from "Variant" where id = ${variant.id} for update`;
    if (!locked) return null;
    // A double click must not start two events: one whose first wave is not planned yet is starting.
    const starting = await tx.restockEvent.count({
      where: { shopId, variantId, status: "ACTIVE", wavesSent: 0 },
    });
    if (starting > 0) return "starting" as const;
    await tx.restockEvent.updateMany({
      where: { shopId, variantId, status: "ACTIVE" },
      data: { status: "STOPPED", completedAt: now },
    });
    const crossing = locked.restockCrossings + 1;
    await tx.variant.update({
      where: { id: variant.id },
      data: { aboveThreshold: true, restockCrossings: crossing },
    });
    const event = await tx.restockEvent.create({
      data: { shopId, variantId, crossing, availableAtStart: variant.available, nextWaveAt: now },
    });
    return event.id;
  });
  if (eventId === null) return { ok: false, reason: "unknown_variant" };
  if (eventId === "starting") return { ok: false, reason: "already_starting" };
  // If this enqueue is lost the restock sweeper starts the wave: the event is due (nextWaveAt = now).
  await deps.queues.enqueue(
    restockWaveJob,
    { shopId, restockEventId: eventId, wave: 1 },
    { jobId: restockWaveJobId(eventId, 1) },
  );
  return { ok: true, restockEventId: eventId, waiting };
}

import type { Queues } from "../../queues/create-queues.ts";
import type { Db } from "../../db/create-prisma.ts";
import { AppError } from "../../errors.ts";
import { queueAttempt } from "./deliver-webhook.ts";
import { findOwned } from "./webhook-endpoints.ts";

/** One endpoint's deliveries, newest first, paged by `before` (a createdAt). */
export async function listDeliveries(
  db: Db,
  shopId: string,
  endpointId: string,
  q: { before?: string | undefined; limit: number },
) {
  await findOwned(db, shopId, endpointId);
  const rows = await db.webhookDelivery.findMany({
    where: { shopId, endpointId, ...(q.before ? { createdAt: { lt: new Date(q.before) } } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: q.limit + 1,
    select: {
      id: true,
      eventId: true,
      status: true,
      attempts: true,
      lastStatusCode: true,
      lastError: true,
      lastAttemptAt: true,
      nextAttemptAt: true,
      deliveredAt: true,
      createdAt: true,
      event: { select: { type: true } },
    },
  });
  const page = rows.slice(0, q.limit).map(({ event, ...d }) => ({ ...d, eventType: event.type }));
  return {
    deliveries: page,
    nextBefore: rows.length > q.limit ? page.at(-1)!.createdAt.toISOString() : null,
  };
}

/** Sends a delivery again now, as one more attempt (it keeps its webhook-id, so receivers dedupe). */
export async function redeliver(
  deps: { db: Db; queues: Queues },
  shopId: string,
  endpointId: string,
  deliveryId: string,
) {
  const endpoint = await findOwned(deps.db, shopId, endpointId);
  if (!endpoint.enabled) throw new AppError("conflict", "Enable the endpoint before redelivering");
  const delivery = await deps.db.webhookDelivery.findFirst({ where: { shopId, endpointId, id: deliveryId } });
  if (!delivery) throw new AppError("not_found", "No such delivery");
  if (delivery.status === "PENDING" && delivery.nextAttemptAt === null && delivery.attempts > 0)
    throw new AppError("conflict", "A redelivery is already queued");
  const attempt = delivery.attempts + 1;
  await deps.db.webhookDelivery.update({
    where: { id: deliveryId },
    data: { status: "PENDING", nextAttemptAt: null },
  });
  await queueAttempt(deps, deliveryId, attempt);
  return { deliveryId, attempt };
}

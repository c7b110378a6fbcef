import crypto from "node:crypto";
import type { Prisma } from "@prisma/client";
import { integrationFanoutJob } from "../../queues/definitions/integration-fanout.ts";
import type { Queues } from "../../queues/create-queues.ts";
import type { Db } from "../../db/create-prisma.ts";
import type { IntegrationEventInput } from "./integration-event-types.ts";

type EmitDeps = { db: Db; queues: Queues };

/** The event id: derived from shop, type and key, so a retried caller emits the same event. */
export function integrationEventId(shopId: string, type: string, key: string): string {
  return `evt_${crypto.createHash("sha256").update(`${shopId}\n${type}\n${key}`).digest("hex").slice(0, 32)}`;
}

/**
 * Records one event and queues its fan-out (webhooks, Flow, Klaviyo) when the shop has any
 * integration on; a shop without integrations costs one indexed read. Safe to call twice.
 */
export async function emitIntegrationEvent(
  deps: EmitDeps,
  shopId: string,
  event: IntegrationEventInput,
): Promise<void> {
  await emitIntegrationEvents(deps, shopId, [event]);
}

/** emitIntegrationEvent for many events of one shop: one check, one insert, one bulk enqueue. */
export async function emitIntegrationEvents(
  deps: EmitDeps,
  shopId: string,
  events: readonly IntegrationEventInput[],
): Promise<void> {
  if (events.length === 0 || !(await shopHasIntegrations(deps.db, shopId))) return;
  const rows = events.map((event) => ({
    id: integrationEventId(shopId, event.type, event.key),
    shopId,
    type: event.type,
    payload: event.data as Prisma.InputJsonValue,
    email: event.email?.toLowerCase() ?? null,
  }));
  await deps.db.integrationEvent.createMany({ data: rows, skipDuplicates: true });
  await deps.queues.enqueueBulk(
    integrationFanoutJob,
    rows.map((row) => ({ payload: { eventId: row.id }, jobId: `fanout-${row.id}` })),
  );
}

/**
 * Whether the shop has an enabled webhook endpoint, Flow trigger or Klaviyo key: one statement
 * (every send batch of a fan-out asks, docs/fanout-performance.md), each table by its shop index.
 */
export async function shopHasIntegrations(db: Db, shopId: string): Promise<boolean> {
  const [row] = await db.$queryRaw<{ any: boolean }[]>`
    select exists (select 1 from "WebhookEndpoint" where "shopId" = ${shopId} and enabled)
        or exists (select 1 from "FlowTriggerState" where "shopId" = ${shopId} and enabled)
        or exists (select 1 from "KlaviyoSettings" where "shopId" = ${shopId} and enabled) as "any"`;
  return row?.any === true;
}

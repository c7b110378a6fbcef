import crypto from "node:crypto";
import pg from "pg";
import type { Db } from "../db/create-prisma.ts";
import type { SqlPool } from "../db/create-sql-pool.ts";
import type { WebhookHeaders } from "./read-webhook-headers.ts";

export type RecordResult = { id: bigint; duplicate: boolean; processed: boolean };

/** The row's identity: one per (shop, topic, event key). */
export type WebhookEventKey = { shopDomain: string; topic: string; eventKey: string };

/**
 * One merchant action shares its X-Shopify-Event-Id across all its deliveries, and may produce
 * several of the same topic (an order of two variants: two inventory_levels/update). Retries and
 * duplicate deliveries carry the original payload, so the key is the event id plus a digest of the
 * body: duplicates collapse, distinct deliveries of one action do not.
 */
export function webhookEventKey(headers: WebhookHeaders, body: string): WebhookEventKey {
  const digest = crypto.createHash("sha256").update(body).digest("base64url").slice(0, 22);
  return { shopDomain: headers.shopDomain, topic: headers.topic, eventKey: `${headers.eventKey}#${digest}` };
}

// Raw SQL on Prisma's tables: this is the ingress hot path (bench row "webhooks"), where Prisma's
// client engine costs several times node-postgres's CPU. Timestamps go as UTC ISO text: the
// columns are TIMESTAMP(3) without zone holding UTC, as Prisma writes them.
const INSERT = `INSERT INTO "WebhookEvent"
  ("shopDomain", "topic", "eventKey", "webhookId", "apiVersion", "triggeredAt", "body", "receivedAt")
  VALUES ($1, $2, $3, $4, $5, $6::timestamp(3), $7, $8::timestamp(3))
  ON CONFLICT ("shopDomain", "topic", "eventKey") DO NOTHING
  RETURNING "id"`;
const SELECT_EXISTING = `SELECT "id", "status" FROM "WebhookEvent"
  WHERE "shopDomain" = $1 AND "topic" = $2 AND "eventKey" = $3`;

type Runner = (text: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

/**
 * Durably records a delivery once per (shop, topic, event key): one round trip for a new delivery
 * (the insert answers its id), a second only for a duplicate. The unique constraint decides races
 * between concurrent deliveries. Takes the hot-path pool, or Prisma (tests, scripts).
 */
export async function recordWebhook(
  db: SqlPool | Db,
  headers: WebhookHeaders,
  body: string,
  receivedAt: Date = new Date(),
): Promise<RecordResult> {
  const run = runner(db);
  const key = webhookEventKey(headers, body);
  const inserted = await run(INSERT, [
    key.shopDomain,
    key.topic,
    key.eventKey,
    headers.webhookId,
    headers.apiVersion,
    headers.triggeredAt?.toISOString() ?? null,
    body,
    receivedAt.toISOString(),
  ]);
  if (inserted[0])
    return { id: BigInt(inserted[0].id as string | bigint), duplicate: false, processed: false };
  const [existing] = await run(SELECT_EXISTING, [key.shopDomain, key.topic, key.eventKey]);
  // Only reachable if the row was deleted between the conflict and this read (retention purge).
  if (!existing) throw new Error("webhook event vanished after a conflicting insert");
  return {
    id: BigInt(existing.id as string | bigint),
    duplicate: true,
    processed: existing.status !== "RECEIVED",
  };
}

function runner(db: SqlPool | Db): Runner {
  if (db instanceof pg.Pool) {
    return async (text, params) => (await db.query(text, params)).rows as Record<string, unknown>[];
  }
  return (text, params) => db.$queryRawUnsafe(text, ...params);
}

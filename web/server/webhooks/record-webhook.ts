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

/** One delivery to record: Shopify's headers, the raw body as text, when it reached us. */
export type Delivery = { headers: WebhookHeaders; body: string; receivedAt: Date };

// Raw SQL on Prisma's tables: this is the ingress hot path (bench row "webhooks"), where Prisma's
// client engine costs several times node-postgres's CPU. Timestamps go as UTC ISO text: the
// columns are TIMESTAMP(3) without zone holding UTC, as Prisma writes them.
const COLUMNS = `"shopDomain", "topic", "eventKey", "webhookId", "apiVersion", "triggeredAt", "body", "receivedAt"`;
const PARAMS_PER_ROW = 8;
const SELECT_EXISTING = `SELECT "id", "status", "shopDomain", "topic", "eventKey" FROM "WebhookEvent"
  WHERE ("shopDomain", "topic", "eventKey") IN
    (SELECT * FROM unnest($1::text[], $2::text[], $3::text[]))`;

/** One statement per batch size: each connection prepares it once. */
function insertStatement(rows: number): string {
  const values = Array.from({ length: rows }, (_, r) => {
    const p = (k: number) => `$${r * PARAMS_PER_ROW + k}`;
    return `(${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}, ${p(6)}::timestamp(3), ${p(7)}, ${p(8)}::timestamp(3))`;
  });
  return `INSERT INTO "WebhookEvent" (${COLUMNS}) VALUES ${values.join(", ")}
  ON CONFLICT ("shopDomain", "topic", "eventKey") DO NOTHING
  RETURNING "id", "shopDomain", "topic", "eventKey"`;
}

type Row = Record<string, unknown>;
type Runner = (name: string, text: string, params: unknown[]) => Promise<Row[]>;

/**
 * Durably records deliveries once per (shop, topic, event key), in one INSERT: one statement, one
 * transaction, one commit for the whole batch, which either stores every new row or none (the
 * caller answers each delivery only after this resolves, and every one 5xx when it rejects). A key
 * that is already stored, or repeated within the batch, comes back as a duplicate of its row (one
 * more round trip, only when there are such). The unique constraint decides races between
 * concurrent batches. Takes the hot-path pool, or Prisma (tests, scripts).
 */
export async function recordWebhooks(
  db: SqlPool | Db,
  deliveries: readonly Delivery[],
): Promise<RecordResult[]> {
  const run = runner(db);
  const keys = deliveries.map((d) => webhookEventKey(d.headers, d.body));
  const ids = keys.map(keyText);
  // The first of a key in the batch is inserted; later ones are its duplicates.
  const first = new Map<string, number>();
  ids.forEach((k, i) => first.has(k) || first.set(k, i));
  const params: unknown[] = [];
  for (const i of first.values()) {
    const { headers, body, receivedAt } = deliveries[i]!;
    const key = keys[i]!;
    params.push(key.shopDomain, key.topic, key.eventKey, headers.webhookId, headers.apiVersion);
    params.push(headers.triggeredAt?.toISOString() ?? null, body, receivedAt.toISOString());
  }
  const inserted = await run(`webhook-insert-${first.size}`, insertStatement(first.size), params);
  const found = new Map<string, { id: bigint; status: string | null }>();
  for (const row of inserted) found.set(keyText(row as WebhookEventKey), { id: toId(row.id), status: null });
  const conflicted = [...first.keys()].filter((k) => !found.has(k)).map((k) => keys[first.get(k)!]!);
  if (conflicted.length > 0) {
    const existing = await run("webhook-select-existing", SELECT_EXISTING, [
      conflicted.map((k) => k.shopDomain),
      conflicted.map((k) => k.topic),
      conflicted.map((k) => k.eventKey),
    ]);
    for (const row of existing) {
      found.set(keyText(row as WebhookEventKey), { id: toId(row.id), status: String(row.status) });
    }
  }
  return ids.map((k, i) => {
    const row = found.get(k);
    // Only reachable if the row was deleted between the conflict and this read (retention purge).
    if (!row) throw new Error("webhook event vanished after a conflicting insert");
    const fresh = row.status === null && first.get(k) === i;
    return { id: row.id, duplicate: !fresh, processed: row.status !== null && row.status !== "RECEIVED" };
  });
}

/** recordWebhooks for one delivery. */
export async function recordWebhook(
  db: SqlPool | Db,
  headers: WebhookHeaders,
  body: string,
  receivedAt: Date = new Date(),
): Promise<RecordResult> {
  const [result] = await recordWebhooks(db, [{ headers, body, receivedAt }]);
  return result!;
}

function keyText(k: WebhookEventKey): string {
  return `${k.shopDomain}\n${k.topic}\n${k.eventKey}`;
}

function toId(value: unknown): bigint {
  return BigInt(value as string | bigint);
}

function runner(db: SqlPool | Db): Runner {
  if (db instanceof pg.Pool) {
    return async (name, text, values) => (await db.query({ name, text, values })).rows as Row[];
  }
  return (_name, text, params) => db.$queryRawUnsafe(text, ...params);
}

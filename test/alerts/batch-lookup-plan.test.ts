import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BATCH_SUBSCRIPTIONS_SQL,
  CLAIM_BY_ID_SQL,
  DISCOUNT_HOLD_SQL,
  OPEN_ROWS_SQL,
  WAVE_MESSAGE_KEYS_SQL,
} from "../../web/server/notifications/batch-lookup-sql.ts";
import { createTestDatabase } from "../helpers/test-database.ts";

type PlanNode = { "Node Type": string; "Relation Name"?: string; "Index Name"?: string; Plans?: PlanNode[] };

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

// A wave just written: 100,000 PENDING restock rows of one shop, and statistics that have not seen
// them yet, as in the minute before autovacuum comes. A send batch of 64 ids must read those 64 rows
// by primary key, not every PENDING row of the shop or every open restock row
// (docs/fanout-performance.md, "Plans that do not trust statistics"). Two histories: no statistics
// at all, and statistics taken after another shop's wave had been sent (every restock row SENT, so
// "restock and not sent yet" looks empty and its index looks like the cheapest path; the fault
// suite's cluster test met that plan: each lookup walked every open row of the wave and every dead
// version of them, and the batches' queries ran for minutes).
describe.each([
  { history: "no statistics", analyzedWave: false },
  { history: "statistics of another shop's finished wave", analyzedWave: true },
])("a send batch's lookups by id, with $history", ({ analyzedWave }) => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let client: pg.Client;
  const batch = Array.from({ length: 64 }, (_, i) => `n-${String(50_001 + i).padStart(6, "0")}`);

  beforeAll(async () => {
    database = await createTestDatabase();
    client = new pg.Client({ connectionString: database.directUrl });
    await client.connect();
    await client.query(
      `insert into "Shop" (id, domain, "updatedAt") values ('lookup-shop', 'lookup.myshopify.com', now()),
         ('earlier-shop', 'earlier.myshopify.com', now())`,
    );
    if (analyzedWave) {
      await client.query(
        `insert into "Subscription" (id, "shopId", "variantId", email, status, locale, "confirmToken", "unsubscribeToken")
         select 'early-' || g, 'earlier-shop', 5, 'e' || g || '@example.com', 'NOTIFIED', 'en', 'ec' || g, 'eu' || g
         from generate_series(1, 2000) g`,
      );
      await client.query(
        `insert into "Notification" (id, "shopId", kind, "idempotencyKey", recipient, "subscriptionId", status, "sentAt")
         select 'early-n-' || g, 'earlier-shop', 'restock', 'ek' || g, 'e' || g || '@example.com', 'early-' || g,
                'SENT', now()
         from generate_series(1, 2000) g`,
      );
      await client.query(`analyze "Notification"; analyze "Subscription"`);
    }
    await client.query(
      `insert into "Subscription" (id, "shopId", "variantId", email, status, locale, "confirmToken", "unsubscribeToken")
       select 'sub-' || lpad(g::text, 6, '0'), 'lookup-shop', 7, 's' || g || '@example.com', 'NOTIFIED', 'en', 'c' || g, 'u' || g
       from generate_series(1, 100000) g`,
    );
    await client.query(
      `insert into "Notification" (id, "shopId", kind, "idempotencyKey", recipient, "subscriptionId", status)
       select 'n-' || lpad(g::text, 6, '0'), 'lookup-shop', 'restock', 'k' || g, 's' || g || '@example.com',
              'sub-' || lpad(g::text, 6, '0'), 'PENDING'
       from generate_series(1, 100000) g`,
    );
  });
  afterAll(async () => {
    await client?.end();
    await database?.drop();
  });

  async function tableReads(sql: string, params: unknown[], table: string) {
    // EXPLAIN, not EXPLAIN ANALYZE: the claim must not run. Its update reads the picked rows by
    // primary key too, so every read of the table is by that index.
    const { rows } = await client.query<{ "QUERY PLAN": { Plan: PlanNode }[] }>(
      `explain (format json) ${sql}`,
      params,
    );
    return nodes(rows[0]!["QUERY PLAN"][0]!.Plan)
      .filter((n) => n["Relation Name"] === table && n["Node Type"] !== "ModifyTable")
      .map((n) => n["Index Name"] ?? n["Node Type"]);
  }
  const notificationReads = (sql: string, params: unknown[]) => tableReads(sql, params, "Notification");

  it("claims through the primary key", async () => {
    const reads = await notificationReads(CLAIM_BY_ID_SQL, [
      batch,
      "lookup-shop",
      "2026-12-07 00:00:00",
      64,
      "2026-12-07 00:01:00",
      false,
    ]);
    expect(reads.length).toBeGreaterThan(0);
    expect(new Set(reads)).toEqual(new Set(["Notification_pkey"]));
  });

  it("counts the open rows through the primary key", async () => {
    const reads = await notificationReads(OPEN_ROWS_SQL, [batch, 60_000, false, "lookup-shop"]);
    expect(new Set(reads)).toEqual(new Set(["Notification_pkey"]));
  });

  it("finds the messages to render through the primary keys", async () => {
    const reads = await notificationReads(WAVE_MESSAGE_KEYS_SQL, [batch, "lookup-shop"]);
    expect(new Set(reads)).toEqual(new Set(["Notification_pkey"]));
    const subscriptions = await tableReads(WAVE_MESSAGE_KEYS_SQL, [batch, "lookup-shop"], "Subscription");
    expect(new Set(subscriptions)).toEqual(new Set(["Subscription_pkey"]));
  });

  it("reads the batch's subscriptions through the primary key", async () => {
    const ids = batch.map((id) => `sub-${id.slice(2)}`);
    const reads = await tableReads(BATCH_SUBSCRIPTIONS_SQL, ["lookup-shop", ids], "Subscription");
    expect(new Set(reads)).toEqual(new Set(["Subscription_pkey"]));
    const { rows } = await client.query<{ id: string }>(BATCH_SUBSCRIPTIONS_SQL, ["lookup-shop", ids]);
    expect(rows.map((r) => r.id).sort()).toEqual(ids);
    expect((await client.query(BATCH_SUBSCRIPTIONS_SQL, ["earlier-shop", ids])).rowCount).toBe(0);
  });

  it("looks for emails held for a discount code through the primary key", async () => {
    const reads = await notificationReads(DISCOUNT_HOLD_SQL, [
      batch,
      "lookup-shop",
      ["backorder_confirmation", "eta_changed"],
    ]);
    expect(new Set(reads)).toEqual(new Set(["Notification_pkey"]));
  });

  it("claims each open row once, in id order, and counts what is left", async () => {
    const { rows } = await client.query<{ id: string }>(`${CLAIM_BY_ID_SQL} returning n.id`, [
      [...batch, batch[0]],
      "lookup-shop",
      "2026-12-07 00:00:00",
      10,
      "2026-12-07 00:01:00",
      false,
    ]);
    expect(rows.map((r) => r.id).sort()).toEqual(batch.slice(0, 10));
    const open = await client.query<{ open: string }>(OPEN_ROWS_SQL, [batch, 60_000, false, "lookup-shop"]);
    expect(Number(open.rows[0]!.open)).toBe(64);
    const again = await client.query(`${CLAIM_BY_ID_SQL} returning n.id`, [
      batch.slice(0, 10),
      "lookup-shop",
      "2026-12-07 00:00:00",
      10,
      "2026-12-07 00:01:30",
      false,
    ]);
    expect(again.rowCount).toBe(0);
  });
});

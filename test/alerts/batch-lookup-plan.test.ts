import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
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
// them yet (no ANALYZE, as in the minute before autovacuum comes). A send batch of 64 ids must read
// those 64 rows by primary key, not every PENDING row of the shop (docs/fanout-performance.md).
describe("a send batch's lookups by id, with statistics from before the wave", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let client: pg.Client;
  const batch = Array.from({ length: 64 }, (_, i) => `n-${String(50_001 + i).padStart(6, "0")}`);

  beforeAll(async () => {
    database = await createTestDatabase();
    client = new pg.Client({ connectionString: database.directUrl });
    await client.connect();
    await client.query(
      `insert into "Shop" (id, domain, "updatedAt") values ('lookup-shop', 'lookup.myshopify.com', now())`,
    );
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

  async function notificationReads(sql: string, params: unknown[]) {
    // EXPLAIN, not EXPLAIN ANALYZE: the claim must not run. Its update reads the picked rows by
    // primary key too, so every read of the table is by that index.
    const { rows } = await client.query<{ "QUERY PLAN": { Plan: PlanNode }[] }>(
      `explain (format json) ${sql}`,
      params,
    );
    return nodes(rows[0]!["QUERY PLAN"][0]!.Plan)
      .filter((n) => n["Relation Name"] === "Notification" && n["Node Type"] !== "ModifyTable")
      .map((n) => n["Index Name"] ?? n["Node Type"]);
  }

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

  it("finds the messages to render through the primary key", async () => {
    const reads = await notificationReads(WAVE_MESSAGE_KEYS_SQL, [batch, "lookup-shop"]);
    expect(new Set(reads)).toEqual(new Set(["Notification_pkey"]));
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

import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { restockKeyPrefix } from "../../web/server/restock/restock-candidates.ts";
import { WAVE_PAGE_SQL } from "../../web/server/restock/wave-page-sql.ts";
import { createTestDatabase } from "../helpers/test-database.ts";

type PlanNode = {
  "Node Type": string;
  "Subplan Name"?: string;
  "Relation Name"?: string;
  "Index Name"?: string;
  Plans?: PlanNode[];
};

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

// A wave in progress: 100,000 subscribers, the first 25,000 notified (ledger rows written, statistics
// fresh). A page must not read every remaining subscriber (docs/fanout-performance.md).
describe("the restock wave's page query", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let client: pg.Client;
  const eventId = "wave-plan-event";
  let cursor: { at: string; id: string };

  beforeAll(async () => {
    database = await createTestDatabase();
    client = new pg.Client({ connectionString: database.directUrl });
    await client.connect();
    await client.query(
      `insert into "Shop" (id, domain, "updatedAt") values ('plan-shop', 'plan.myshopify.com', now())`,
    );
    await client.query(
      `insert into "Subscription" (id, "shopId", "variantId", email, status, "activeKey", locale, "confirmToken", "unsubscribeToken", "createdAt")
       select 'sub-' || lpad(g::text, 6, '0'), 'plan-shop', 7, 's' || g || '@example.com', 'ACTIVE',
              '7:s' || g || '@example.com', 'en', 'c' || g, 'u' || g, timestamp '2026-01-01' + g * interval '1 second'
       from generate_series(1, 100000) g`,
    );
    await client.query(
      `insert into "RestockEvent" (id, "shopId", "variantId", crossing, "availableAtStart", "targetCount")
       values ($1, 'plan-shop', 7, 1, 50, 100000)`,
      [eventId],
    );
    await client.query(
      `insert into "Notification" (id, "shopId", kind, "idempotencyKey", recipient, "subscriptionId", "restockEventId", wave)
       select 'n-' || s.id, 'plan-shop', 'restock', $1 || s.id, s.email, s.id, $2, 1
       from "Subscription" s where s.id <= 'sub-025000'`,
      [restockKeyPrefix(eventId), eventId],
    );
    await client.query(
      `update "Subscription" set status = 'NOTIFIED', "activeKey" = null where id <= 'sub-025000'`,
    );
    await client.query(`analyze "Subscription"`);
    await client.query(`analyze "Notification"`);
    const last = await client.query<{ at: string; id: string }>(
      `select "createdAt"::text as at, id from "Subscription" where id = 'sub-025000'`,
    );
    cursor = last.rows[0]!;
  });
  afterAll(async () => {
    await client?.end();
    await database?.drop();
  });

  it("walks the subscriber index from the cursor, probing the ledger key per row", async () => {
    const { rows } = await client.query<{ "QUERY PLAN": { Plan: PlanNode }[] }>(
      `explain (format json) ${WAVE_PAGE_SQL}`,
      [
        "plan-shop",
        "7",
        cursor.at,
        cursor.id,
        restockKeyPrefix(eventId),
        1000,
        eventId,
        1,
        "2026-12-06 00:00:00",
        false,
      ],
    );
    const root = rows[0]!["QUERY PLAN"][0]!.Plan;
    // The page's pick (CTE c): what used to read and sort every remaining subscriber.
    const pick = nodes(root).find((n) => n["Subplan Name"] === "CTE c");
    expect(pick).toBeDefined();
    const plan = nodes(pick!);
    const subscriptionScans = plan.filter((n) => n["Relation Name"] === "Subscription");
    expect(subscriptionScans.map((n) => [n["Node Type"], n["Index Name"]])).toEqual([
      ["Index Scan", "Subscription_shopId_variantId_status_createdAt_id_idx"],
    ]);
    expect(plan.map((n) => n["Node Type"])).not.toContain("Sort");
    const ledgerProbes = plan.filter((n) => n["Relation Name"] === "Notification");
    expect(ledgerProbes.map((n) => n["Index Name"])).toEqual([
      "Notification_idempotencyKey_key",
      "Notification_idempotencyKey_key",
    ]);
  });

  it("takes the next subscribers in keyset order, page after page, without skipping or repeating", async () => {
    let after = cursor;
    for (let page = 0; page < 3; page++) {
      const { rows } = await client.query<{ found: number; last_at: string; last_id: string }>(
        WAVE_PAGE_SQL,
        [
          "plan-shop",
          "7",
          after.at,
          after.id,
          restockKeyPrefix(eventId),
          1000,
          eventId,
          1,
          "2026-12-06 00:00:00",
          false,
        ],
      );
      expect(rows[0]!.found).toBe(1000);
      after = { at: rows[0]!.last_at, id: rows[0]!.last_id };
    }
    const written = await client.query<{ n: number; first: string; last: string; subs: number }>(
      `select count(*)::int as n, min("subscriptionId") as first, max("subscriptionId") as last,
              count(distinct "subscriptionId")::int as subs
       from "Notification" where "restockEventId" = $1 and id not like 'n-%'`,
      [eventId],
    );
    expect(written.rows[0]).toEqual({ n: 3000, first: "sub-025001", last: "sub-028000", subs: 3000 });
  });
});

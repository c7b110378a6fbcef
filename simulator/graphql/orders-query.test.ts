import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSimulator, type Simulator } from "../create-simulator.ts";
import { gid } from "../gid.ts";
import { seedDemoShop, type SeededShop } from "../seed-demo-shop.ts";
import { adminGraphql } from "../test-support/admin-graphql.ts";

// The orders query as Shopify documents it: `updated_at` is a time filter (quoted timestamps,
// dates, years, `now`), sortKey UPDATED_AT sorts by it, and cursors are positions in that sort.
const ORDERS = `query O($q: String, $after: String, $first: Int!) {
  orders(first: $first, after: $after, query: $q, sortKey: UPDATED_AT) {
    nodes { name updatedAt }
    pageInfo { hasNextPage endCursor }
  }
}`;

describe("orders(query: updated_at…, sortKey: UPDATED_AT)", () => {
  let sim: Simulator;
  let seeded: SeededShop;
  let token: string;
  let clock = new Date("2026-12-06T10:00:00.000Z");
  const at = (seconds: number) => new Date(Date.parse("2026-12-06T10:00:00.000Z") + seconds * 1000);
  const q = (query: string, variables?: Record<string, unknown>) =>
    adminGraphql(sim, token, query, variables);
  const page = async (filter: string, first: number, after?: string) => {
    const { body } = await q(ORDERS, { q: filter, first, after });
    expect(body.errors).toBeUndefined();
    return body.data!.orders as {
      nodes: { name: string; updatedAt: string }[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
  };
  const tag = async (orderId: bigint) => {
    const { body } = await q(
      `mutation T($id: ID!) { tagsAdd(id: $id, tags: ["seen"]) { userErrors { message } } }`,
      { id: gid("Order", orderId) },
    );
    expect(body.data!.tagsAdd.userErrors).toEqual([]);
  };

  beforeAll(async () => {
    sim = await createSimulator({ apiKey: "k", apiSecret: "s", now: () => clock });
    seeded = seedDemoShop(sim);
    token = sim.issueAccessToken(seeded.shop);
  });
  afterAll(() => sim.close());

  it("filters by updated_at, sorts by it and pages with positions that survive an update", async () => {
    const candle = seeded.products["beeswax-candle-trio"]!.variants[0]!.variantId;
    const ids: bigint[] = [];
    for (const [i, seconds] of [0, 10, 20, 30].entries()) {
      clock = at(seconds);
      const order = sim.placeOrder(seeded.shop, {
        email: `o${i}@example.com`,
        lines: [{ variantId: candle, quantity: 1 }],
      });
      ids.push(order.id);
    }
    clock = at(40);
    await tag(ids[0]!); // #1001 now sorts last

    // A strict ">": the order updated in that very second is not included.
    const first = await page("updated_at:>'2026-12-06T10:00:10Z'", 2);
    expect(first.nodes.map((o) => o.name)).toEqual(["#1003", "#1004"]);
    expect(first.pageInfo.hasNextPage).toBe(true);

    // #1003 changes while we page: the cursor is a position, so the next page goes on past it
    // and #1003 shows up again at the end (at its new updated_at), never skipping #1001.
    clock = at(50);
    await tag(ids[2]!);
    const second = await page("updated_at:>'2026-12-06T10:00:10Z'", 2, first.pageInfo.endCursor!);
    expect(second.nodes.map((o) => [o.name, o.updatedAt])).toEqual([
      ["#1001", "2026-12-06T10:00:40Z"],
      ["#1003", "2026-12-06T10:00:50Z"],
    ]);
    expect(second.pageInfo.hasNextPage).toBe(false);

    expect((await page("updated_at:>='2026-12-06T10:00:10Z'", 10)).nodes).toHaveLength(4);
    expect((await page("updated_at:<'2026-12-06T10:00:30Z'", 10)).nodes.map((o) => o.name)).toEqual([
      "#1002",
    ]);
    expect((await page("updated_at:>=2026", 10)).nodes).toHaveLength(4);
    expect((await page("updated_at:>2026-12-06", 10)).nodes).toHaveLength(0);
    expect((await page("updated_at:<=2026-12-06", 10)).nodes).toHaveLength(4);
    expect((await page("updated_at:<now", 10)).nodes.map((o) => o.name)).toEqual(["#1002", "#1004", "#1001"]);
    expect((await page("updated_at:>'not a time'", 10)).nodes).toHaveLength(0);
  });

  it("reverse pages newest first; an unsupported sort key is a clear error", async () => {
    const { body } = await q(`{ orders(first: 2, sortKey: UPDATED_AT, reverse: true) { nodes { name } } }`);
    expect(body.data!.orders.nodes.map((o: { name: string }) => o.name)).toEqual(["#1003", "#1001"]);
    const bad = await q(`{ orders(first: 2, sortKey: CUSTOMER_NAME) { nodes { name } } }`);
    expect(bad.body.errors[0].message).toBe("The simulator does not sort orders by CUSTOMER_NAME");
  });
});

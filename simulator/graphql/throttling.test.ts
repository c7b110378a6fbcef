import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSimulator, type Simulator } from "../create-simulator.ts";
import { adminGraphql } from "../test-support/admin-graphql.ts";

describe("cost-based throttling", () => {
  let sim: Simulator;
  let token: string;
  let clock = new Date("2026-11-21T12:00:00Z");
  const QUERY = "{ productVariants(first: 10) { nodes { id } } }"; // 2 + 10 x 1 = 12 points
  const shop = "busy-shop.myshopify.com";

  beforeAll(async () => {
    sim = await createSimulator({
      apiKey: "k",
      apiSecret: "s",
      bucket: { maximumAvailable: 30, restoreRate: 10 },
      now: () => clock,
    });
    sim.createShop({ domain: shop });
    token = sim.issueAccessToken(shop);
  });
  afterAll(() => sim.close());

  it("answers THROTTLED (HTTP 200) when the bucket lacks the requested cost, and recovers after restore", async () => {
    // Nothing matches, so the actual cost is 2 and 10 points are refunded each time.
    const first = await adminGraphql(sim, token, QUERY);
    expect(first.body.extensions!.cost).toEqual({
      requestedQueryCost: 12,
      actualQueryCost: 2,
      throttleStatus: { maximumAvailable: 30, currentlyAvailable: 28, restoreRate: 10 },
    });
    sim.setBucket(shop, { currentlyAvailable: 5 });
    const throttled = await adminGraphql(sim, token, QUERY);
    expect(throttled.status).toBe(200);
    expect(throttled.body.errors).toEqual([
      {
        message: "Throttled",
        extensions: { code: "THROTTLED", documentation: "https://shopify.dev/api/usage/rate-limits" },
      },
    ]);
    expect(throttled.body.extensions!.cost.throttleStatus.currentlyAvailable).toBe(5);
    expect(sim.graphqlLog.at(-1)).toMatchObject({ throttled: true, requestedCost: 12 });
    clock = new Date(clock.getTime() + 700); // +7 points
    const recovered = await adminGraphql(sim, token, QUERY);
    expect(recovered.body.errors).toBeUndefined();
    expect(recovered.body.extensions!.cost.throttleStatus.currentlyAvailable).toBe(10);
  });

  // 2 + 250 x 4 = 1002 points.
  it("rejects a single query above 1000 points whatever the bucket holds", async () => {
    const { body } = await adminGraphql(
      sim,
      token,
      "{ productVariants(first: 250) { nodes { id inventoryItem { id } product { id variantsCount { count } } } } }",
    );
    expect(body.errors[0].extensions.code).toBe("MAX_COST_EXCEEDED");
  });
});

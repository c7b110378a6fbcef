import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSimulator, type Simulator } from "../../create-simulator.ts";
import { seedDemoShop, type SeededShop } from "../../seed-demo-shop.ts";
import { adminGraphql } from "../../test-support/admin-graphql.ts";
import { createWebhookReceiver } from "../../test-support/create-webhook-receiver.ts";

const RUN = `mutation Run($query: String!) { bulkOperationRunQuery(query: $query) { bulkOperation { id status } userErrors { field message code } } }`;
const POLL = `query Poll($id: ID!) { node(id: $id) { ... on BulkOperation { id status errorCode objectCount rootObjectCount url } } }`;

describe("bulk operations", () => {
  let sim: Simulator;
  let seeded: SeededShop;
  let token: string;
  let receiver: Awaited<ReturnType<typeof createWebhookReceiver>>;

  beforeAll(async () => {
    receiver = await createWebhookReceiver();
    sim = await createSimulator({
      apiKey: "k",
      apiSecret: "s",
      appUrl: receiver.url,
      webhookTopics: ["bulk_operations/finish"],
    });
    seeded = seedDemoShop(sim);
    token = sim.issueAccessToken(seeded.shop);
  });
  afterAll(async () => {
    await sim.close();
    await receiver.close();
  });

  async function waitForCompletion(id: string) {
    for (let i = 0; i < 50; i += 1) {
      const { body } = await adminGraphql(sim, token, POLL, { id });
      if (body.data!.node.status !== "CREATED" && body.data!.node.status !== "RUNNING")
        return body.data!.node;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error("bulk operation did not finish");
  }

  it("runs the query over the store and serves Shopify-style JSONL with __parentId", async () => {
    const query = `{ products { edges { node { id handle variants { edges { node { id sku inventoryPolicy inventoryItem { id tracked } } } } } } } }`;
    const { body } = await adminGraphql(sim, token, RUN, { query });
    expect(body.data!.bulkOperationRunQuery.userErrors).toEqual([]);
    expect(body.data!.bulkOperationRunQuery.bulkOperation.status).toBe("CREATED");
    const operation = await waitForCompletion(body.data!.bulkOperationRunQuery.bulkOperation.id);
    expect(operation).toMatchObject({ status: "COMPLETED", errorCode: null, rootObjectCount: "12" });
    const lines = (await (await fetch(operation.url)).text())
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(Number(operation.objectCount));
    const tee = seeded.products["organic-cotton-tee"]!;
    const teeLine = lines.findIndex((l) => l.handle === "organic-cotton-tee");
    expect(lines[teeLine]).toEqual({
      id: `gid://shopify/Product/${tee.productId}`,
      handle: "organic-cotton-tee",
    });
    expect(lines[teeLine + 1]).toEqual({
      id: `gid://shopify/ProductVariant/${tee.variants[0]!.variantId}`,
      sku: "TEE-ORG-S",
      inventoryPolicy: "CONTINUE",
      inventoryItem: { id: `gid://shopify/InventoryItem/${tee.variants[0]!.inventoryItemId}`, tracked: true },
      __parentId: `gid://shopify/Product/${tee.productId}`,
    });

    await sim.waitForDeliveries();
    const finish = JSON.parse(receiver.byTopic("bulk_operations/finish")[0]!.rawBody);
    expect(finish).toMatchObject({
      admin_graphql_api_id: operation.id,
      status: "completed",
      type: "query",
      error_code: null,
    });

    const list = await adminGraphql(
      sim,
      token,
      `{ bulkOperations(first: 1, query: "status:completed operation_type:query") { nodes { id status } } }`,
    );
    expect(list.body.data!.bulkOperations.nodes).toEqual([{ id: operation.id, status: "COMPLETED" }]);
  });

  it("reports an invalid bulk query as a user error", async () => {
    const { body } = await adminGraphql(sim, token, RUN, { query: "{ shop { name } }" });
    expect(body.data!.bulkOperationRunQuery).toMatchObject({
      bulkOperation: null,
      userErrors: [{ field: ["query"], code: "INVALID" }],
    });
    const invalid = await adminGraphql(sim, token, RUN, {
      query: "{ products { edges { node { nope } } } }",
    });
    expect(invalid.body.data!.bulkOperationRunQuery.userErrors[0].message).toContain("nope");
  });
});

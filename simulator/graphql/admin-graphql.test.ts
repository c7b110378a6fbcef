import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSimulator, type Simulator } from "../create-simulator.ts";
import { gid } from "../gid.ts";
import { seedDemoShop, type SeededShop } from "../seed-demo-shop.ts";
import { adminGraphql } from "../test-support/admin-graphql.ts";

describe("Admin GraphQL", () => {
  let sim: Simulator;
  let seeded: SeededShop;
  let token: string;
  const backpack = () => seeded.products["alpine-trail-backpack"]!;
  const q = (query: string, variables?: Record<string, unknown>) =>
    adminGraphql(sim, token, query, variables);

  beforeAll(async () => {
    sim = await createSimulator({ apiKey: "k", apiSecret: "s" });
    seeded = seedDemoShop(sim);
    token = sim.issueAccessToken(seeded.shop);
  });
  afterAll(() => sim.close());

  it("rejects a document with an unknown field as a validation error, before executing", async () => {
    const { status, body } = await q("{ shop { name notAField } }");
    expect(status).toBe(200);
    expect(body.data).toBeUndefined();
    expect(body.errors[0].message).toContain("notAField");
    expect(body.errors[0].extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(body.errors[0].locations).toEqual([{ line: 1, column: 15 }]);
  });

  it("answers a valid query with data and extensions.cost", async () => {
    const variant = backpack().variants[0]!;
    const { body } = await q(
      `query V($id: ID!) { productVariant(id: $id) { id sku inventoryPolicy inventoryQuantity availableForSale
         inventoryItem { id tracked } product { id handle } } }`,
      { id: gid("ProductVariant", variant.variantId) },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.productVariant).toEqual({
      id: `gid://shopify/ProductVariant/${variant.variantId}`,
      sku: "BAG-ALP-01",
      inventoryPolicy: "DENY",
      inventoryQuantity: 42,
      availableForSale: true,
      inventoryItem: { id: `gid://shopify/InventoryItem/${variant.inventoryItemId}`, tracked: true },
      product: { id: `gid://shopify/Product/${backpack().productId}`, handle: "alpine-trail-backpack" },
    });
    expect(body.extensions!.cost).toMatchObject({ requestedQueryCost: 3, actualQueryCost: 3 });
    expect(body.extensions!.cost.throttleStatus).toMatchObject({ maximumAvailable: 1000, restoreRate: 100 });
  });

  it("names a schema field the simulator does not implement instead of returning null", async () => {
    const { body } = await q("{ shop { name alerts { description } } }");
    expect(body.errors[0].message).toBe("The Shopify simulator does not implement Shop.alerts");
  });

  it("multiplies connection cost by `first` and requires first or last", async () => {
    const { body } = await q("{ productVariants(first: 10) { nodes { id product { id } } } }");
    expect(body.extensions!.cost.requestedQueryCost).toBe(2 + 10 * 2);
    expect(body.extensions!.cost.actualQueryCost).toBe(2 + 10 * 2);
    const missing = await q("{ productVariants { nodes { id } } }");
    expect(missing.body.errors[0].message).toBe("you must provide one of first or last");
  });

  it("filters productVariants with the search syntax and pages with cursors", async () => {
    const { body } = await q(
      `{ productVariants(first: 2, query: "sku:TEE-ORG*") { nodes { sku } pageInfo { hasNextPage endCursor } } }`,
    );
    expect(body.data!.productVariants.nodes).toEqual([{ sku: "TEE-ORG-S" }, { sku: "TEE-ORG-M" }]);
    const next = await q(
      `query P($after: String) { productVariants(first: 5, after: $after, query: "sku:TEE-ORG*") { nodes { sku } pageInfo { hasNextPage } } }`,
      {
        after: body.data!.productVariants.pageInfo.endCursor,
      },
    );
    expect(next.body.data!.productVariants).toEqual({
      nodes: [{ sku: "TEE-ORG-L" }, { sku: "TEE-ORG-XL" }],
      pageInfo: { hasNextPage: false },
    });
  });

  it("resolves an inventory level by the webhook's GID and reports on_hand = available + committed", async () => {
    const variant = backpack().variants[0]!;
    sim.placeOrder(seeded.shop, {
      email: "ada@example.com",
      lines: [{ variantId: variant.variantId, quantity: 2 }],
    });
    const id = `gid://shopify/InventoryLevel/${seeded.locationIds[0]}?inventory_item_id=${variant.inventoryItemId}`;
    const { body } = await q(
      `query L($id: ID!) { inventoryLevel(id: $id) { id location { id } item { variants(first: 5) { nodes { id } } }
         quantities(names: ["available", "committed", "on_hand"]) { name quantity } } }`,
      { id },
    );
    expect(body.data!.inventoryLevel.id).toBe(id);
    expect(body.data!.inventoryLevel.quantities).toEqual([
      { name: "available", quantity: 40 },
      { name: "committed", quantity: 2 },
      { name: "on_hand", quantity: 42 },
    ]);
    expect(body.data!.inventoryLevel.item.variants.nodes).toEqual([
      { id: gid("ProductVariant", variant.variantId) },
    ]);
  });

  it("changes inventoryPolicy with productVariantsBulkUpdate", async () => {
    const variant = backpack().variants[0]!;
    const { body } = await q(
      `mutation P($productId: ID!, $variants: [ProductVariantsBulkInput!]!) {
         productVariantsBulkUpdate(productId: $productId, variants: $variants) { productVariants { id inventoryPolicy } userErrors { field message code } } }`,
      {
        productId: gid("Product", backpack().productId),
        variants: [{ id: gid("ProductVariant", variant.variantId), inventoryPolicy: "CONTINUE" }],
      },
    );
    expect(body.data!.productVariantsBulkUpdate.userErrors).toEqual([]);
    expect(sim.getVariant(seeded.shop, variant.variantId)!.inventoryPolicy).toBe("CONTINUE");
    expect(body.extensions!.cost.requestedQueryCost).toBeGreaterThanOrEqual(10);
  });

  it("keeps each shop's records private", async () => {
    const other = sim.createShop({ domain: "nosy-shop.myshopify.com" });
    const otherToken = sim.issueAccessToken(other.domain);
    const { body } = await adminGraphql(
      sim,
      otherToken,
      `query V($id: ID!) { productVariant(id: $id) { id } }`,
      {
        id: gid("ProductVariant", backpack().variants[0]!.variantId),
      },
    );
    expect(body.data!.productVariant).toBeNull();
  });
});

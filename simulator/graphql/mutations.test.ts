import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSimulator, type Simulator } from "../create-simulator.ts";
import { gid } from "../gid.ts";
import { seedDemoShop, type SeededShop } from "../seed-demo-shop.ts";
import { adminGraphql } from "../test-support/admin-graphql.ts";
import { createWebhookReceiver } from "../test-support/create-webhook-receiver.ts";

const SET_ETA = `mutation SetEta($metafields: [MetafieldsSetInput!]!) {
  metafieldsSet(metafields: $metafields) { metafields { id namespace key type value compareDigest owner { ... on ProductVariant { id } } } userErrors { field message code } } }`;
const READ_ETA = `query V($id: ID!) { productVariant(id: $id) { eta: metafield(namespace: "$app", key: "backorder_eta") { value type compareDigest } } }`;
const ADJUST = `mutation A($input: InventoryAdjustQuantitiesInput!, $key: String!) {
  inventoryAdjustQuantities(input: $input) @idempotent(key: $key) { inventoryAdjustmentGroup { reason changes { name delta quantityAfterChange } } userErrors { field message code } } }`;

describe("Admin GraphQL mutations", () => {
  let sim: Simulator;
  let seeded: SeededShop;
  let token: string;
  let receiver: Awaited<ReturnType<typeof createWebhookReceiver>>;
  const q = (query: string, variables?: Record<string, unknown>, version?: string) =>
    adminGraphql(sim, token, query, variables, version);
  const mug = () => seeded.products["stoneware-mug"]!.variants[0]!;

  beforeAll(async () => {
    receiver = await createWebhookReceiver();
    sim = await createSimulator({ apiKey: "k", apiSecret: "s", appUrl: receiver.url });
    seeded = seedDemoShop(sim);
    token = sim.issueAccessToken(seeded.shop);
  });
  afterAll(async () => {
    await sim.close();
    await receiver.close();
  });

  it("round-trips an $app metafield, stored under the app's reserved namespace", async () => {
    const ownerId = gid("ProductVariant", mug().variantId);
    const set = await q(SET_ETA, {
      metafields: [{ ownerId, namespace: "$app", key: "backorder_eta", type: "date", value: "2026-12-15" }],
    });
    expect(set.body.data!.metafieldsSet.userErrors).toEqual([]);
    expect(set.body.data!.metafieldsSet.metafields[0]).toMatchObject({
      namespace: `app--${sim.appId}`,
      owner: { id: ownerId },
    });
    expect(sim.getMetafields(ownerId)).toMatchObject([
      { namespace: `app--${sim.appId}`, key: "backorder_eta", value: "2026-12-15" },
    ]);
    const read = await q(READ_ETA, { id: ownerId });
    expect(read.body.data!.productVariant.eta).toMatchObject({ value: "2026-12-15", type: "date" });
  });

  it("enforces compareDigest: null means must not exist, a stale digest is rejected", async () => {
    const ownerId = gid("ProductVariant", mug().variantId);
    const { compareDigest } = (await q(READ_ETA, { id: ownerId })).body.data!.productVariant.eta;
    const create = await q(SET_ETA, {
      metafields: [{ ownerId, key: "backorder_eta", type: "date", value: "2027-01-01", compareDigest: null }],
    });
    expect(create.body.data!.metafieldsSet.userErrors[0].code).toBe("STALE_OBJECT");
    const ok = await q(SET_ETA, {
      metafields: [{ ownerId, key: "backorder_eta", type: "date", value: "2027-01-01", compareDigest }],
    });
    expect(ok.body.data!.metafieldsSet.userErrors).toEqual([]);
    const stale = await q(SET_ETA, {
      metafields: [{ ownerId, key: "backorder_eta", type: "date", value: "2027-02-01", compareDigest }],
    });
    expect(stale.body.data!.metafieldsSet.userErrors[0].code).toBe("STALE_OBJECT");
    expect(sim.getMetafields(ownerId)[0]!.value).toBe("2027-01-01");
  });

  it("rejects invalid values and more than 25 metafields, writing nothing", async () => {
    const ownerId = gid("ProductVariant", mug().variantId);
    const bad = await q(SET_ETA, {
      metafields: [{ ownerId, key: "backorder_eta", type: "date", value: "next week" }],
    });
    expect(bad.body.data!.metafieldsSet.userErrors[0]).toMatchObject({
      field: ["metafields", "0", "value"],
      code: "INVALID_VALUE",
    });
    const many = Array.from({ length: 26 }, (_, i) => ({
      ownerId,
      key: `k${i}x`,
      type: "single_line_text_field",
      value: "x",
    }));
    expect((await q(SET_ETA, { metafields: many })).body.data!.metafieldsSet.userErrors[0].code).toBe(
      "LESS_THAN_OR_EQUAL_TO",
    );
    expect(sim.getMetafields(ownerId)).toHaveLength(1);
  });

  it("deletes a metafield with metafieldsDelete", async () => {
    const ownerId = gid("ProductVariant", mug().variantId);
    const { body } = await q(
      `mutation D($m: [MetafieldIdentifierInput!]!) { metafieldsDelete(metafields: $m) { deletedMetafields { key namespace ownerId } userErrors { message } } }`,
      { m: [{ ownerId, namespace: "$app", key: "backorder_eta" }] },
    );
    expect(body.data!.metafieldsDelete.deletedMetafields).toEqual([
      { ownerId, namespace: "$app", key: "backorder_eta" },
    ]);
    expect(sim.getMetafields(ownerId)).toEqual([]);
  });

  it("adds and removes order tags as a set, sending orders/updated", async () => {
    const order = sim.placeOrder(seeded.shop, {
      email: "tag@example.com",
      lines: [{ variantId: mug().variantId, quantity: 1 }],
      tags: ["vip"],
    });
    await sim.waitForDeliveries();
    const before = receiver.byTopic("orders/updated").length;
    const id = gid("Order", order.id);
    const add = await q(
      `mutation T($id: ID!, $tags: [String!]!) { tagsAdd(id: $id, tags: $tags) { node { id } userErrors { message } } }`,
      {
        id,
        tags: ["backordered", "vip, eta-sent"],
      },
    );
    expect(add.body.data!.tagsAdd).toEqual({ node: { id }, userErrors: [] });
    expect(sim.getOrderTags(seeded.shop, order.id)).toEqual(["vip", "backordered", "eta-sent"]);
    await q(
      `mutation T($id: ID!, $tags: [String!]!) { tagsRemove(id: $id, tags: $tags) { userErrors { message } } }`,
      { id, tags: ["vip"] },
    );
    expect(sim.getOrderTags(seeded.shop, order.id)).toEqual(["backordered", "eta-sent"]);
    await sim.waitForDeliveries();
    expect(receiver.byTopic("orders/updated").length - before).toBe(2);
  });

  // The mug started at 18 and the tag test ordered 1.
  it("requires @idempotent on inventory mutations from 2026-04 and replays a repeated key without re-applying", async () => {
    const input = {
      name: "available",
      reason: "received",
      changes: [
        {
          inventoryItemId: gid("InventoryItem", mug().inventoryItemId),
          locationId: gid("Location", seeded.locationIds[0]!),
          delta: 5,
        },
      ],
    };
    const noKey = await q(
      `mutation A($input: InventoryAdjustQuantitiesInput!) { inventoryAdjustQuantities(input: $input) { userErrors { message } } }`,
      { input },
    );
    expect(noKey.body.errors[0].message).toContain("@idempotent");
    const first = await q(ADJUST, { input, key: "restock-1" });
    expect(first.body.data!.inventoryAdjustQuantities.inventoryAdjustmentGroup.changes).toContainEqual({
      name: "available",
      delta: 5,
      quantityAfterChange: 22,
    });
    const replay = await q(ADJUST, { input, key: "restock-1" });
    expect(replay.body.data!.inventoryAdjustQuantities.userErrors).toEqual([]);
    expect(sim.getInventoryLevels(seeded.shop, mug().inventoryItemId)[0]!.available).toBe(22);
    const reused = await q(ADJUST, {
      input: { ...input, changes: [{ ...input.changes[0], delta: 1 }] },
      key: "restock-1",
    });
    expect(reused.body.data!.inventoryAdjustQuantities.userErrors[0].code).toBe(
      "IDEMPOTENCY_KEY_PARAMETER_MISMATCH",
    );
  });

  it("sets absolute quantities with inventorySetQuantities, checking changeFromQuantity, and emits inventory_levels/update", async () => {
    await sim.waitForDeliveries();
    const before = receiver.byTopic("inventory_levels/update").length;
    const quantity = (changeFromQuantity: number) => ({
      name: "available",
      reason: "correction",
      quantities: [
        {
          inventoryItemId: gid("InventoryItem", mug().inventoryItemId),
          locationId: gid("Location", seeded.locationIds[0]!),
          quantity: 7,
          changeFromQuantity,
        },
      ],
    });
    const mutation = `mutation S($input: InventorySetQuantitiesInput!, $key: String!) {
      inventorySetQuantities(input: $input) @idempotent(key: $key) { userErrors { code } } }`;
    const stale = await q(mutation, { input: quantity(999), key: "set-1" });
    expect(stale.body.data!.inventorySetQuantities.userErrors).toEqual([
      { code: "CHANGE_FROM_QUANTITY_STALE" },
    ]);
    const ok = await q(mutation, { input: quantity(22), key: "set-2" });
    expect(ok.body.data!.inventorySetQuantities.userErrors).toEqual([]);
    expect(sim.getInventoryLevels(seeded.shop, mug().inventoryItemId)[0]!.available).toBe(7);
    await sim.waitForDeliveries();
    const hooks = receiver.byTopic("inventory_levels/update").slice(before);
    expect(hooks).toHaveLength(1);
    expect(hooks[0]!.rawBody).toContain(`"inventory_item_id":${mug().inventoryItemId},`);
    expect(hooks[0]!.rawBody).toContain(`"available":7`);
  });

  it("creates a basic discount code", async () => {
    const { body } = await q(
      `mutation C($d: DiscountCodeBasicInput!) { discountCodeBasicCreate(basicCodeDiscount: $d) {
         codeDiscountNode { id codeDiscount { ... on DiscountCodeBasic { title codes(first: 1) { nodes { code } } } } } userErrors { field code } } }`,
      {
        d: {
          title: "Thanks for waiting",
          code: "WAIT10",
          startsAt: "2026-01-01T00:00:00Z",
          customerGets: { value: { percentage: 0.1 }, items: { all: true } },
          context: { all: "ALL" },
        },
      },
    );
    expect(body.data!.discountCodeBasicCreate.userErrors).toEqual([]);
    expect(body.data!.discountCodeBasicCreate.codeDiscountNode.codeDiscount).toEqual({
      title: "Thanks for waiting",
      codes: { nodes: [{ code: "WAIT10" }] },
    });
    expect(sim.getDiscounts(seeded.shop)).toMatchObject([{ code: "WAIT10", percentage: 0.1 }]);
  });
});

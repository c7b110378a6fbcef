import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSimulator, type Simulator } from "../create-simulator.ts";
import { adminGraphql } from "../test-support/admin-graphql.ts";

const CREATE = `mutation C($definition: MetafieldDefinitionInput!) {
  metafieldDefinitionCreate(definition: $definition) {
    createdDefinition { id namespace key name type { name } ownerType access { admin storefront customerAccount } }
    userErrors { field message code } } }`;
const LIST = `query L($ownerType: MetafieldOwnerType!, $namespace: String) {
  metafieldDefinitions(ownerType: $ownerType, namespace: $namespace, first: 10) {
    nodes { id namespace key access { storefront } metafieldsCount } } }`;
const PLAN = `{ shop { plan { shopifyPlus publicDisplayName } } }`;

describe("metafield definitions and the shop's plan (Admin 2026-07)", () => {
  let sim: Simulator;
  let token: string;
  let shop: string;
  const q = (query: string, variables?: Record<string, unknown>) =>
    adminGraphql(sim, token, query, variables);
  const eta = (extra: Record<string, unknown> = {}) => ({
    namespace: "$app",
    key: "eta",
    type: "date",
    name: "Backorder ETA",
    ownerType: "PRODUCTVARIANT",
    access: { storefront: "PUBLIC_READ", customerAccount: "READ" },
    ...extra,
  });

  beforeAll(async () => {
    sim = await createSimulator({ apiKey: "k", apiSecret: "s" });
    shop = sim.createShop({ name: "Definitions" }).domain;
    token = sim.issueAccessToken(shop);
  });
  afterAll(() => sim.close());

  it("creates an app-owned definition: $app resolved, admin access MERCHANT_READ by default", async () => {
    const res = await q(CREATE, { definition: eta() });
    expect(res.body.data!.metafieldDefinitionCreate).toEqual({
      createdDefinition: {
        id: expect.stringMatching(/^gid:\/\/shopify\/MetafieldDefinition\/\d+$/),
        namespace: `app--${sim.appId}`,
        key: "eta",
        name: "Backorder ETA",
        type: { name: "date" },
        ownerType: "PRODUCTVARIANT",
        access: { admin: "MERCHANT_READ", storefront: "PUBLIC_READ", customerAccount: "READ" },
      },
      userErrors: [],
    });
  });

  it("lists the shop's definitions by owner type and ($app) namespace", async () => {
    const res = await q(LIST, { ownerType: "PRODUCTVARIANT", namespace: "$app" });
    expect(res.body.data!.metafieldDefinitions.nodes).toEqual([
      expect.objectContaining({ key: "eta", access: { storefront: "PUBLIC_READ" }, metafieldsCount: 0 }),
    ]);
    const products = await q(LIST, { ownerType: "PRODUCT", namespace: "$app" });
    expect(products.body.data!.metafieldDefinitions.nodes).toEqual([]);
  });

  it.each([
    ["a key already defined", eta(), "TAKEN", ["definition", "key"]],
    ["a key with a dot", eta({ key: "e.t.a" }), "INVALID_CHARACTER", ["definition", "key"]],
    ["a one-letter key", eta({ key: "e" }), "TOO_SHORT", ["definition", "key"]],
    ["an unknown type", eta({ key: "eta2", type: "datetime" }), "INCLUSION", ["definition", "type"]],
    [
      "admin access outside an app namespace",
      eta({ namespace: "custom", access: { admin: "MERCHANT_READ" } }),
      "ADMIN_ACCESS_INPUT_NOT_ALLOWED",
      ["definition", "access", "admin"],
    ],
  ])("refuses %s with a user error", async (_name, definition, code, field) => {
    const res = await q(CREATE, { definition });
    expect(res.body.data!.metafieldDefinitionCreate).toEqual({
      createdDefinition: null,
      userErrors: [expect.objectContaining({ code, field })],
    });
  });

  it("keeps definitions per shop; the console control follows the same rules", async () => {
    const other = sim.createShop({ name: "Other definitions" }).domain;
    sim.createMetafieldDefinition(other, eta());
    expect(() => sim.createMetafieldDefinition(other, eta())).toThrow(/in use/);
    expect(sim.getMetafieldDefinitions(other)).toHaveLength(1);
    expect(sim.getMetafieldDefinitions(shop)).toHaveLength(1);
  });

  it("answers shop.plan: Basic by default, shopifyPlus on Plus", async () => {
    expect((await q(PLAN)).body.data!.shop.plan).toEqual({ shopifyPlus: false, publicDisplayName: "Basic" });
    const plus = sim.createShop({ name: "Plus shop", plan: "Plus" }).domain;
    const plusToken = sim.issueAccessToken(plus);
    const res = await adminGraphql(sim, plusToken, PLAN);
    expect(res.body.data!.shop.plan).toEqual({ shopifyPlus: true, publicDisplayName: "Plus" });
  });
});

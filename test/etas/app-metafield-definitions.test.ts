import fs from "node:fs";
import path from "node:path";
import { parse } from "smol-toml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runEnsureMetafieldDefinitions } from "../../jobs/etas/run-sync-eta-metafields.ts";
import { createSimulator, type Simulator } from "../../simulator/create-simulator.ts";
import {
  APP_VARIANT_METAFIELD_DEFINITIONS,
  planAppMetafieldDefinitions,
} from "../../web/server/etas/app-metafield-definitions.ts";
import { startTestApp, TEST_API_KEY, TEST_API_SECRET, type TestApp } from "../helpers/start-test-app.ts";
import { waitFor } from "../helpers/wait-for.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");

type TomlDefinition = {
  type: string;
  name: string;
  description?: string;
  access: { admin: string; storefront: string; customer_account: string };
};

/** `[variant.metafields.app.KEY]` tables of shopify.app.toml. */
function declaredInToml(): Record<string, TomlDefinition> {
  const toml = parse(fs.readFileSync(path.join(ROOT, "shopify.app.toml"), "utf8")) as {
    variant: { metafields: { app: Record<string, TomlDefinition> } };
  };
  return toml.variant.metafields.app;
}

describe("the app's variant metafield definitions", () => {
  it("are exactly the ones shopify.app.toml declares", () => {
    const toml = declaredInToml();
    expect(Object.keys(toml)).toHaveLength(3);
    expect(
      Object.fromEntries(
        APP_VARIANT_METAFIELD_DEFINITIONS.map((d) => [
          d.key,
          {
            type: d.type,
            name: d.name,
            ...(d.description ? { description: d.description } : {}),
            access: {
              admin: d.access.admin.toLowerCase(),
              storefront: d.access.storefront.toLowerCase(),
              customer_account: d.access.customerAccount.toLowerCase(),
            },
          },
        ]),
      ),
    ).toEqual(toml);
  });

  it("plan: the missing ones are created, the existing ones left (one without storefront access reported)", () => {
    const plan = planAppMetafieldDefinitions(APP_VARIANT_METAFIELD_DEFINITIONS, [
      { key: "eta", storefront: "PUBLIC_READ" },
      { key: "backordered", storefront: "NONE" },
      { key: "unrelated", storefront: null },
    ]);
    expect(plan.create.map((d) => d.key)).toEqual(["message"]);
    expect(plan.withoutStorefront).toEqual(["backordered"]);
  });
});

describe("after install, on the store", () => {
  let sim: Simulator;
  let app: TestApp;
  beforeAll(async () => {
    sim = await createSimulator({ apiKey: TEST_API_KEY, apiSecret: TEST_API_SECRET });
    app = await startTestApp({ env: { SHOPIFY_ADMIN_ORIGIN: sim.origin } });
    sim.setAppUrl(app.url);
    await app.startWorker();
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await sim?.close();
  });

  it("a store missing one definition gets it, with storefront access; the existing ones are left alone", async () => {
    const shop = sim.createShop({ name: "Missing Definition" }).domain;
    // Shopify created two of the declarative definitions on deploy; the third never appeared.
    const declared = (key: string) => APP_VARIANT_METAFIELD_DEFINITIONS.find((d) => d.key === key)!;
    const before = ["eta", "backordered"].map((key) =>
      sim.createMetafieldDefinition(shop, {
        namespace: "$app",
        key,
        type: declared(key).type,
        name: `${declared(key).name} (from deploy)`,
        ownerType: "PRODUCTVARIANT",
        access: { storefront: "PUBLIC_READ", customerAccount: "READ" },
      }),
    );
    const token = await sim.mintSessionToken({ shop });
    const res = await fetch(`${app.url}/api/shop`, { headers: { Authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);

    const all = await waitFor(async () => {
      const defs = sim.getMetafieldDefinitions(shop);
      return defs.length === 3 ? defs : null;
    }, 20_000);
    const message = all.find((d) => d.key === "message")!;
    expect(message).toMatchObject({
      namespace: `app--${sim.appId}`,
      ownerType: "PRODUCTVARIANT",
      type: "single_line_text_field",
      name: "Backorder message",
      access: { admin: "MERCHANT_READ", storefront: "PUBLIC_READ", customerAccount: "READ" },
    });
    for (const existing of before) expect(all.find((d) => d.key === existing.key)).toEqual(existing);
    const creates = () =>
      sim.graphqlLog.filter((e) => e.shop === shop && e.operationName === "AppMetafieldDefinitionCreate");
    expect(creates()).toHaveLength(1);

    // A second check (a retried job) finds all three: it creates nothing.
    const row = await app.deps.db.shop.findUniqueOrThrow({ where: { domain: shop } });
    expect(await runEnsureMetafieldDefinitions(app.workerDeps, row.id)).toEqual({
      created: [],
      existing: ["eta", "backordered", "message"],
      withoutStorefront: [],
    });
    expect(creates()).toHaveLength(1);
    expect(sim.getMetafieldDefinitions(shop)).toEqual(all);
  }, 60_000);
});

import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConsoleRoutes } from "../../simulator/console/create-console-routes.ts";
import { createSimulator, type Simulator } from "../../simulator/create-simulator.ts";
import { gid } from "../../simulator/gid.ts";
import { seedDemoShop, type SeededShop } from "../../simulator/seed-demo-shop.ts";
import { buildStorefrontProduct } from "../../simulator/storefront/build-storefront-product.ts";
import { createStorefrontRoutes } from "../../simulator/storefront-routes.ts";
import { verifyProxySignature } from "../../web/server/proxy/verify-proxy-signature.ts";
import { asWord, futureDate } from "../helpers/future-date.ts";

const SHOP = "demo-shop.myshopify.com";
const SECRET = "proxy-secret";

describe("playground storefront and console routes", () => {
  let sim: Simulator;
  let seeded: SeededShop;
  let app: Server;
  let appUrl = "";
  const seen: Array<{
    path: string;
    query: URLSearchParams;
    headers: Record<string, unknown>;
    body: unknown;
  }> = [];

  beforeAll(async () => {
    const fake = express();
    fake.use(express.json());
    fake.all("/proxy/{*rest}", (req, res) => {
      seen.push({
        path: req.path,
        query: new URL(req.originalUrl, "http://x").searchParams,
        headers: req.headers,
        body: req.body,
      });
      res.set("Set-Cookie", "leak=1").status(201).json({ subscribed: true });
    });
    app = await new Promise((resolve) => {
      const s = fake.listen(0, "127.0.0.1", () => resolve(s));
    });
    appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
    sim = await createSimulator({
      apiKey: "k",
      apiSecret: SECRET,
      routes: (s) =>
        express
          .Router()
          .use(
            createConsoleRoutes({
              sim: s,
              adminUrl: () => "http://localhost:3000",
              mailUrl: () => "http://mail",
            }),
          )
          .use(createStorefrontRoutes({ sim: s, apiSecret: SECRET, appUrl: () => appUrl })),
    });
    seeded = seedDemoShop(sim, { domain: SHOP });
  });
  afterAll(async () => {
    await sim.close();
    await new Promise((resolve) => app.close(resolve));
  });

  it.each([
    ["in stock, deny", "alpine-trail-backpack", { available: true, inventoryQuantity: 42, tracked: true }],
    ["sold out, deny", "merino-wool-beanie", { available: false, inventoryQuantity: 0, tracked: true }],
    ["oversold, continue", "cast-iron-skillet", { available: true, inventoryQuantity: -2, tracked: true }],
    ["untracked", "digital-gift-card", { available: true, tracked: false }],
  ])("shapes %s variants for the theme", (_name, handle, expected) => {
    const product = buildStorefrontProduct(sim.exportState(), SHOP, handle);
    expect(product?.variants[0]).toMatchObject(expected);
    expect(product?.variants[0]?.id).toBe(seeded.products[handle]!.variants[0]!.variantId.toString());
  });

  it("reads the app's $app metafields of a variant", async () => {
    const variant = seeded.products["handwoven-linen-throw"]!.variants[0]!;
    const throwEta = futureDate(18);
    const token = sim.issueAccessToken(SHOP);
    const set = await fetch(`${sim.origin}/admin/api/2026-07/graphql.json`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": token },
      body: JSON.stringify({
        query: `mutation($m: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $m) { userErrors { message } } }`,
        variables: {
          m: [
            {
              ownerId: gid("ProductVariant", variant.variantId),
              namespace: "$app",
              key: "eta",
              type: "date",
              value: throwEta.iso,
            },
            {
              ownerId: gid("ProductVariant", variant.variantId),
              namespace: "$app",
              key: "backordered",
              type: "boolean",
              value: "true",
            },
          ],
        },
      }),
    });
    expect(await set.json()).toMatchObject({ data: { metafieldsSet: { userErrors: [] } } });
    const product = buildStorefrontProduct(sim.exportState(), SHOP, "handwoven-linen-throw");
    expect(product?.variants[0]?.metafields).toEqual({ eta: throwEta.iso, backordered: true });
    const page = await (await fetch(`${sim.origin}/products/handwoven-linen-throw`)).text();
    expect(page).toMatch(asWord(throwEta.storefront));
  });

  it("forwards /apps/backorder/* to the app signed like Shopify's proxy, without cookies", async () => {
    const res = await fetch(`${sim.origin}/apps/backorder/subscriptions?lang=fr`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Cookie: "session=secret", "X-Forwarded-For": "6.6.6.6" },
      body: JSON.stringify({ email: "a@example.com", variant_id: "9007199254740993" }),
    });
    expect(res.status).toBe(201);
    expect(res.headers.get("set-cookie")).toBeNull();
    const forwarded = seen.at(-1)!;
    expect(forwarded.path).toBe("/proxy/subscriptions");
    expect(verifyProxySignature(forwarded.query, SECRET, new Date())).toEqual({
      ok: true,
      shop: SHOP,
      loggedInCustomerId: null,
    });
    expect(forwarded.query.get("lang")).toBe("fr");
    expect(forwarded.query.get("path_prefix")).toBe("/apps/backorder");
    expect(forwarded.headers.cookie).toBeUndefined();
    expect(forwarded.headers["x-forwarded-for"]).toBe("127.0.0.1");
    expect(forwarded.body).toEqual({ email: "a@example.com", variant_id: "9007199254740993" });
    expect(verifyProxySignature(forwarded.query, "other-secret", new Date()).ok).toBe(false);
  });

  it("serves the extension's assets and 404s anything else", async () => {
    expect((await fetch(`${sim.origin}/extensions/assets/backorder.js`)).status).toBe(200);
    expect((await fetch(`${sim.origin}/extensions/assets/..%2Fshopify.extension.toml`)).status).toBe(404);
    expect((await fetch(`${sim.origin}/products/no-such-product`)).status).toBe(404);
  });

  it("renders the console with orders, inventory per location and webhook answers", async () => {
    const mug = seeded.products["stoneware-mug"]!.variants[0]!;
    const order = sim.placeOrder(SHOP, {
      email: "c@example.com",
      lines: [{ variantId: mug.variantId, quantity: 3 }],
    });
    const html = await (await fetch(`${sim.origin}/console`)).text();
    expect(html).toContain(`data-order="${order.id}"`);
    expect(html).toContain(`data-variant="${mug.variantId}"`);
    expect(html).toContain("Main warehouse");
    expect(html).toContain("Brooklyn store");
    expect(html).toContain('href="http://mail"');
    const open = await fetch(`${sim.origin}/console/open-admin?shop=${SHOP}`, { redirect: "manual" });
    const target = new URL(open.headers.get("location") ?? "");
    expect(target.origin + target.pathname).toBe("http://localhost:3000/admin");
    expect(target.searchParams.get("id_token")?.split(".")).toHaveLength(3);
  });
});

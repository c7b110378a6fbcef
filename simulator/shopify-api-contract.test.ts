// The simulator is only useful if Shopify's own library accepts what it produces: this suite
// drives @shopify/shopify-api 15 against it exactly as the app will.
import "@shopify/shopify-api/adapters/node";
import { createServer } from "node:http";
import { ApiVersion, LogSeverity, RequestedTokenType, shopifyApi } from "@shopify/shopify-api";
import { setAbstractFetchFunc } from "@shopify/shopify-api/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SIMULATED_SHOP_HEADER } from "./constants.ts";
import { createSimulator, type Simulator } from "./create-simulator.ts";
import { seedDemoShop } from "./seed-demo-shop.ts";

const apiKey = "contract-key";
const apiSecretKey = "contract-secret";

describe("@shopify/shopify-api against the simulator", () => {
  let sim: Simulator;
  let shop: string;
  const shopify = shopifyApi({
    apiKey,
    apiSecretKey,
    scopes: ["read_products"],
    hostName: "app.example.com",
    apiVersion: ApiVersion.July26,
    isEmbeddedApp: true,
    logger: { level: LogSeverity.Error },
  });

  beforeAll(async () => {
    sim = await createSimulator({ apiKey, apiSecret: apiSecretKey });
    shop = seedDemoShop(sim).shop;
    const realFetch = globalThis.fetch;
    // What the app does in dev/test: send https://{shop}/... to the simulator, naming the shop.
    setAbstractFetchFunc(async (input, init) => {
      const url = new URL(String(input));
      const headers = new Headers(init?.headers as HeadersInit);
      headers.set(SIMULATED_SHOP_HEADER, url.host);
      return realFetch(`${sim.origin}${url.pathname}${url.search}`, { ...init, headers });
    });
  });
  afterAll(() => sim.close());

  it("decodes a minted session token", async () => {
    const payload = await shopify.session.decodeSessionToken(await sim.mintSessionToken({ shop }));
    expect(payload).toMatchObject({ dest: `https://${shop}`, iss: `https://${shop}/admin`, aud: apiKey });
  });

  it("exchanges a session token and queries Admin GraphQL with the resulting session", async () => {
    const { session } = await shopify.auth.tokenExchange({
      shop,
      sessionToken: await sim.mintSessionToken({ shop }),
      requestedTokenType: RequestedTokenType.OfflineAccessToken,
    });
    const client = new shopify.clients.Graphql({ session });
    const { data, extensions } = await client.request<{ shop: { name: string } }>(
      "query shopifyAppShopName { shop { name } }",
    );
    expect(data?.shop.name).toBe("Demo Shop");
    expect(extensions?.cost).toMatchObject({ requestedQueryCost: 1 });
  });

  it("validates a delivered webhook with shopify.webhooks.validate", async () => {
    const results: unknown[] = [];
    const app = createServer((req, res) => {
      let raw = "";
      req.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
      req.on("end", async () => {
        results.push(await shopify.webhooks.validate({ rawBody: raw, rawRequest: req, rawResponse: res }));
        res.end();
      });
    });
    await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
    const address = app.address();
    sim.setAppUrl(`http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`);
    sim.uninstallApp(shop);
    await sim.waitForDeliveries();
    await new Promise<void>((resolve) => app.close(() => resolve()));
    expect(results).toEqual([
      expect.objectContaining({ valid: true, topic: "APP_UNINSTALLED", domain: shop, apiVersion: "2026-07" }),
    ]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SIMULATED_SHOP_HEADER } from "../constants.ts";
import { createSimulator, type Simulator } from "../create-simulator.ts";
import { adminGraphql } from "../test-support/admin-graphql.ts";

const apiKey = "test-api-key";
const apiSecret = "test-api-secret";
const shop = "exchange-shop.myshopify.com";

async function exchange(
  sim: Simulator,
  subjectToken: string,
  headers: Record<string, string> = {},
  overrides = {},
) {
  const res = await fetch(`${sim.origin}/admin/oauth/access_token`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body: JSON.stringify({
      client_id: apiKey,
      client_secret: apiSecret,
      grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
      subject_token: subjectToken,
      subject_token_type: "urn:ietf:params:oauth:token-type:id_token",
      requested_token_type: "urn:shopify:params:oauth:token-type:offline-access-token",
      expiring: "0",
      ...overrides,
    }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe("token exchange", () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await createSimulator({ apiKey, apiSecret });
    sim.createShop({ domain: shop });
    sim.createShop({ domain: "other-shop.myshopify.com" });
  });
  afterAll(() => sim.close());

  it("exchanges a valid session token for an offline token that works on Admin GraphQL", async () => {
    const { status, body } = await exchange(sim, await sim.mintSessionToken({ shop }), {
      [SIMULATED_SHOP_HEADER]: shop,
    });
    expect(status).toBe(200);
    expect(body.access_token).toMatch(/^shpat_/);
    expect(String(body.scope)).toContain("write_orders");
    const res = await adminGraphql(sim, String(body.access_token), "{ shop { myshopifyDomain } }");
    expect(res.body.data).toEqual({ shop: { myshopifyDomain: shop } });
  });

  it.each([
    ["signed with another secret", { secret: "wrong-secret" }],
    ["for another app", { apiKey: "other-app" }],
    ["expired", { exp: Math.floor(Date.now() / 1000) - 120 }],
  ])("rejects a token %s with invalid_subject_token", async (_case, options) => {
    const { status, body } = await exchange(sim, await sim.mintSessionToken({ shop, ...options }));
    expect(status).toBe(400);
    expect(body).toEqual({ error: "invalid_subject_token" });
  });

  it("rejects garbage and a token whose shop differs from the simulated-shop header", async () => {
    expect((await exchange(sim, "not-a-jwt")).status).toBe(400);
    const token = await sim.mintSessionToken({ shop });
    const mismatch = await exchange(sim, token, { [SIMULATED_SHOP_HEADER]: "other-shop.myshopify.com" });
    expect(mismatch).toEqual({ status: 400, body: { error: "invalid_subject_token" } });
  });

  it("rejects wrong client credentials", async () => {
    const { status } = await exchange(
      sim,
      await sim.mintSessionToken({ shop }),
      {},
      { client_secret: "nope" },
    );
    expect(status).toBe(401);
  });

  it("answers 401 to Admin GraphQL with an unknown or revoked token", async () => {
    const unknown = await adminGraphql(sim, "shpat_unknown", "{ shop { name } }");
    expect(unknown.status).toBe(401);
    expect(unknown.body.errors).toBe(
      "[API] Invalid API key or access token (unrecognized login or wrong password)",
    );
    const token = sim.issueAccessToken("other-shop.myshopify.com");
    expect((await adminGraphql(sim, token, "{ shop { name } }")).status).toBe(200);
    sim.uninstallApp("other-shop.myshopify.com");
    expect((await adminGraphql(sim, token, "{ shop { name } }")).status).toBe(401);
  });
});

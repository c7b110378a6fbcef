import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSimulator, type Simulator } from "../../simulator/create-simulator.ts";
import { offlineSessionStorage } from "../../web/server/shopify/sessions/offline-session-storage.ts";
import { startTestApp, TEST_API_KEY, TEST_API_SECRET, type TestApp } from "../helpers/start-test-app.ts";
import { waitFor } from "../helpers/wait-for.ts";

describe("embedded auth and install", () => {
  let sim: Simulator;
  let app: TestApp;
  let shop: string;
  beforeAll(async () => {
    sim = await createSimulator({
      apiKey: TEST_API_KEY,
      apiSecret: TEST_API_SECRET,
      webhookRetry: { attempts: 3, baseDelayMs: 50 },
    });
    app = await startTestApp({ env: { SHOPIFY_ADMIN_ORIGIN: sim.origin } });
    sim.setAppUrl(app.url);
    shop = sim.createShop({ name: "Auth Test" }).domain;
  });
  afterAll(async () => {
    await app?.close();
    await sim?.close();
  });

  const getShop = (token?: string) =>
    fetch(`${app.url}/api/shop`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });

  const forge = (claims: Record<string, unknown>, secret = TEST_API_SECRET) => {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({
      iss: `https://${shop}/admin`,
      dest: `https://${shop}`,
      aud: TEST_API_KEY,
      sub: "42",
      sid: "s",
      jti: crypto.randomUUID(),
      nbf: now - 5,
      iat: now - 5,
      exp: now + 60,
      ...claims,
    })
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .sign(new TextEncoder().encode(secret));
  };

  it.each([
    ["no token", async () => undefined],
    [
      "an expired token",
      async () =>
        forge({
          exp: Math.floor(Date.now() / 1000) - 120,
          iat: Math.floor(Date.now() / 1000) - 200,
          nbf: Math.floor(Date.now() / 1000) - 200,
        }),
    ],
    ["a token without exp", async () => forge({ exp: undefined })],
    [
      "a token whose issuer is another shop",
      async () => forge({ iss: "https://other-shop.myshopify.com/admin" }),
    ],
    ["a token without an issuer", async () => forge({ iss: undefined })],
    ["a token signed with another secret", async () => forge({}, "some-other-secret")],
    ["a token for another app (wrong audience)", async () => forge({ aud: "another-app" })],
    ["a malformed token", async () => "not.a.jwt"],
  ])("rejects %s with 401 and the retry header", async (_name, token) => {
    const res = await getShop(await token());
    expect(res.status).toBe(401);
    expect(res.headers.get("x-shopify-retry-invalid-session-request")).toBe("1");
    expect(await app.deps.db.shop.count({ where: { domain: shop } })).toBe(0);
  });

  it("installs the shop through token exchange on the first valid request", async () => {
    const token = await sim.mintSessionToken({ shop });
    const res = await getShop(token);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ shop: { domain: shop } });
    const session = await offlineSessionStorage(app.deps).loadSession(`offline_${shop}`);
    expect(session?.accessToken).toMatch(/\S+/);
    // the token works against the Admin API (the simulator checks it)
    const client = new app.deps.shopify.api.clients.Graphql({ session: session! });
    const { data } = await client.request<{ shop: { name: string } }>("query ShopName { shop { name } }");
    expect(data?.shop.name).toBe("Auth Test");
  });

  it("stores the offline token encrypted: the row alone does not hold the token", async () => {
    const token = (await offlineSessionStorage(app.deps).loadSession(`offline_${shop}`))?.accessToken;
    expect(token).toMatch(/\S{16,}/);
    const row = await app.deps.db.session.findUniqueOrThrow({ where: { id: `offline_${shop}` } });
    const dump = JSON.stringify(row, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v));
    expect(dump).not.toContain(token);
    expect(row.accessToken).toMatch(/^enc1:dev:/);
    // and the row as stored is refused by the Admin API
    const res = await fetch(`${sim.origin}/admin/api/2026-07/graphql.json`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": row.accessToken },
      body: JSON.stringify({ query: "query { shop { name } }" }),
    });
    expect(res.status).toBe(401);
  });

  it("the simulator rejects a document with an unknown field, as Shopify does", async () => {
    const session = await offlineSessionStorage(app.deps).loadSession(`offline_${shop}`);
    const res = await fetch(`${sim.origin}/admin/api/2026-07/graphql.json`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": session!.accessToken! },
      body: JSON.stringify({ query: "query { shop { name notARealField } }" }),
    });
    const body = (await res.json()) as { errors?: { message: string }[]; data?: unknown };
    expect(body.errors?.[0]?.message).toMatch(/notARealField/);
    expect(body.data).toBeUndefined();
  });

  it("app/uninstalled from the shop removes its sessions; the next visit installs it again", async () => {
    const worker = await app.startWorker();
    sim.uninstallApp(shop);
    await waitFor(async () => ((await app.deps.db.session.count({ where: { shop } })) === 0 ? true : null));
    const row = await waitFor(async () => {
      const s = await app.deps.db.shop.findUniqueOrThrow({ where: { domain: shop } });
      return s.uninstalledAt ? s : null;
    });
    expect(row.uninstalledAt).toBeInstanceOf(Date);
    const res = await getShop(await sim.mintSessionToken({ shop }));
    expect(res.status).toBe(200);
    expect((await app.deps.db.shop.findUniqueOrThrow({ where: { domain: shop } })).uninstalledAt).toBeNull();
    await worker.close();
  });
});

import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSimulator, type Simulator } from "../../simulator/create-simulator.ts";
import { loadConfig, type Config } from "../../web/server/config.ts";
import { DEV_TOKEN_ENCRYPTION_KEY, parseEncryptionKey } from "../../web/server/encryption-key.ts";
import { createAdminClient } from "../../web/server/shopify/admin/create-admin-client.ts";
import { offlineSessionStorage } from "../../web/server/shopify/sessions/offline-session-storage.ts";
import { reencryptOfflineTokens } from "../../web/server/shopify/sessions/reencrypt-offline-tokens.ts";
import { startTestApp, TEST_API_KEY, TEST_API_SECRET, type TestApp } from "../helpers/start-test-app.ts";
import { storeOfflineSession } from "../helpers/store-offline-session.ts";

const key = (id: string) => `${id}:${crypto.randomBytes(32).toString("base64")}`;
const OLD = key("k1");
const NEW = key("k2");

describe("offline tokens encrypted at rest, with key rotation", () => {
  let sim: Simulator;
  let app: TestApp;
  let shop: string;
  let accessToken: string;
  beforeAll(async () => {
    sim = await createSimulator({ apiKey: TEST_API_KEY, apiSecret: TEST_API_SECRET });
    app = await startTestApp({ env: { SHOPIFY_ADMIN_ORIGIN: sim.origin, TOKEN_ENCRYPTION_KEY: OLD } });
    sim.setAppUrl(app.url);
    shop = sim.createShop({ name: "Vault Shop" }).domain;
    accessToken = sim.issueAccessToken(shop);
    await storeOfflineSession(app, shop, accessToken);
  });
  afterAll(async () => {
    await app?.close();
    await sim?.close();
  });

  const withKeys = (current: string, previous?: string): Config => ({
    ...app.config,
    tokenKeys: {
      current: parseEncryptionKey(current)!,
      previous: previous ? parseEncryptionKey(previous) : undefined,
    },
  });
  const row = () => app.deps.db.session.findUniqueOrThrow({ where: { id: `offline_${shop}` } });
  const shopName = async (config: Config) => {
    const admin = await createAdminClient({ ...app.deps, config }, shop);
    return (await admin.request<{ shop: { name: string } }>("query { shop { name } }")).shop.name;
  };

  it("stores ciphertext under the current key id; the app still calls the Admin API", async () => {
    const stored = await row();
    expect(stored.accessToken).not.toContain(accessToken);
    expect(stored.accessToken.startsWith("enc1:k1:")).toBe(true);
    expect(await shopName(app.config)).toBe("Vault Shop");
  });

  it("rotation: the old key still decrypts, re-encryption moves every row to the new key", async () => {
    const rotating = withKeys(NEW, OLD);
    expect(await shopName(rotating)).toBe("Vault Shop");
    expect(await reencryptOfflineTokens({ db: app.deps.db, config: rotating })).toEqual({ rewritten: 1 });
    const stored = await row();
    expect(stored.accessToken.startsWith("enc1:k2:")).toBe(true);
    expect(stored.accessToken).not.toContain(accessToken);
    // Nothing left under the old key: it can be removed.
    expect(await reencryptOfflineTokens({ db: app.deps.db, config: rotating })).toEqual({ rewritten: 0 });
    expect(await shopName(withKeys(NEW))).toBe("Vault Shop");
    await expect(
      offlineSessionStorage({ db: app.deps.db, config: withKeys(OLD) }).loadSession(stored.id),
    ).rejects.toThrow(/unknown key id "k2"/);
  });

  it("a row written before encryption is encrypted by the re-encryption pass", async () => {
    await app.deps.db.session.update({ where: { id: `offline_${shop}` }, data: { accessToken } });
    expect(await reencryptOfflineTokens({ db: app.deps.db, config: withKeys(NEW) })).toEqual({
      rewritten: 1,
    });
    expect((await row()).accessToken.startsWith("enc1:k2:")).toBe(true);
    expect(await shopName(withKeys(NEW))).toBe("Vault Shop");
  });

  it("a tampered ciphertext is refused, not decrypted to garbage", async () => {
    const stored = await row();
    const parts = stored.accessToken.split(":");
    parts[4] = Buffer.from("x".repeat(20)).toString("base64url");
    await app.deps.db.session.update({ where: { id: stored.id }, data: { accessToken: parts.join(":") } });
    await expect(
      offlineSessionStorage({ db: app.deps.db, config: withKeys(NEW) }).loadSession(stored.id),
    ).rejects.toThrow();
  });

  it("config: the development key is refused in production, and keys must be 32 bytes", () => {
    const prod = {
      NODE_ENV: "production",
      SHOPIFY_API_KEY: "k",
      SHOPIFY_API_SECRET: "s",
      SHOPIFY_APP_URL: "https://app.example",
      DATABASE_URL: "postgresql://x@db/x",
    };
    expect(() => loadConfig(prod)).toThrow(/TOKEN_ENCRYPTION_KEY: is required in production/);
    expect(() => loadConfig({ ...prod, TOKEN_ENCRYPTION_KEY: DEV_TOKEN_ENCRYPTION_KEY })).toThrow(
      /published development key/,
    );
    expect(() => loadConfig({ ...prod, TOKEN_ENCRYPTION_KEY: "k1:c2hvcnQ=" })).toThrow(/32 bytes/);
    expect(loadConfig({ ...prod, TOKEN_ENCRYPTION_KEY: NEW }).tokenKeys.current.id).toBe("k2");
  });
});

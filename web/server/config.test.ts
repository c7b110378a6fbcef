import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.ts";
import { DEMO_API_KEY, DEMO_API_SECRET } from "./config-env-schema.ts";

describe("loadConfig", () => {
  it("runs the playground on demo credentials and embedded services when nothing is set", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      apiKey: DEMO_API_KEY,
      demo: true,
      port: 3000,
      appUrl: "http://localhost:3000",
    });
    expect(config.databaseUrl).toBeUndefined();
    expect(config.redisUrl).toBeUndefined();
    expect(Object.isFrozen(config)).toBe(true);
  });

  it("signs with DKIM only with domain, selector and a PEM key together; a one-line key with \\n works", () => {
    const pem = crypto
      .generateKeyPairSync("rsa", { modulusLength: 1024 })
      .privateKey.export({ type: "pkcs8", format: "pem" })
      .toString();
    const config = loadConfig({
      DKIM_DOMAIN: "Mail.Example.com",
      DKIM_SELECTOR: "bh1",
      DKIM_PRIVATE_KEY: pem.replaceAll("\n", "\\n"),
    });
    expect(config.dkim).toEqual({ domain: "mail.example.com", selector: "bh1", privateKey: pem });
    expect(loadConfig({}).dkim).toBeUndefined();
    expect(() => loadConfig({ DKIM_DOMAIN: "mail.example.com", DKIM_SELECTOR: "bh1" })).toThrow(
      /DKIM_PRIVATE_KEY: DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY go together/,
    );
    expect(() =>
      loadConfig({ DKIM_DOMAIN: "mail.example.com", DKIM_SELECTOR: "bh1", DKIM_PRIVATE_KEY: "not a key" }),
    ).toThrow(/DKIM_PRIVATE_KEY: must be a PEM private key/);
  });

  it("reads WEB_CONCURRENCY once with the rest: unset is 1, a bad value is a configuration error", () => {
    expect(loadConfig({}).webConcurrency).toBe(1);
    expect(loadConfig({ WEB_CONCURRENCY: "3" }).webConcurrency).toBe(3);
    expect(loadConfig({ WEB_CONCURRENCY: "auto" }).webConcurrency).toBeGreaterThanOrEqual(1);
    expect(() => loadConfig({ WEB_CONCURRENCY: "many" })).toThrow(ConfigError);
  });

  it("keeps the previous secret after the current one for rotations", () => {
    const config = loadConfig({ SHOPIFY_API_SECRET: "new", SHOPIFY_API_SECRET_PREVIOUS: "old" });
    expect(config.apiSecrets).toEqual(["new", "old"]);
    expect(config.demo).toBe(false);
  });

  it("lists every bad or missing key at once", () => {
    let error: unknown;
    try {
      loadConfig({ NODE_ENV: "production", PORT: "70000", DATABASE_URL: "mysql://x", REDIS_URL: "http://x" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const issues = (error as ConfigError).issues.join("\n");
    for (const key of ["PORT", "DATABASE_URL", "REDIS_URL"]) expect(issues).toContain(key);
  });

  it("requires credentials, app URL and database in production", () => {
    expect(() => loadConfig({ NODE_ENV: "production" })).toThrow(
      /SHOPIFY_API_KEY[\s\S]*SHOPIFY_API_SECRET[\s\S]*SHOPIFY_APP_URL[\s\S]*DATABASE_URL/,
    );
  });

  it.each([
    ["a public URL", "https://backorders.example.com", false],
    ["a LAN address", "http://192.168.1.20:3000", false],
    ["localhost", "http://localhost:3000", true],
    ["127.0.0.1", "http://127.0.0.1:4000", true],
  ])("with the published demo secret, refuses to start on %s", (_name, url, starts) => {
    const load = () => loadConfig({ NODE_ENV: "development", SHOPIFY_APP_URL: url });
    if (starts) expect(load().demo).toBe(true);
    else
      expect(load).toThrow(
        /SHOPIFY_API_SECRET: the published demo secret only runs on a local SHOPIFY_APP_URL/,
      );
    // An explicit copy of the demo secret is the same secret.
    if (!starts)
      expect(() => loadConfig({ SHOPIFY_API_SECRET: DEMO_API_SECRET, SHOPIFY_APP_URL: url })).toThrow(
        /demo secret/,
      );
  });

  it("takes a Redis Cluster from REDIS_URL or REDIS_CLUSTER_NODES, not both", () => {
    expect(loadConfig({ REDIS_URL: "redis+cluster://10.0.0.1:7000,10.0.0.2:7000" }).redisUrl).toBe(
      "redis+cluster://10.0.0.1:7000,10.0.0.2:7000",
    );
    expect(loadConfig({ REDIS_CLUSTER_NODES: "10.0.0.1:7000, 10.0.0.2:7000" }).redisUrl).toBe(
      "redis+cluster://10.0.0.1:7000,10.0.0.2:7000",
    );
    const issues = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return [];
      } catch (error) {
        return (error as ConfigError).issues;
      }
    };
    expect(issues({ REDIS_CLUSTER_NODES: "10.0.0.1" })).toEqual([
      "REDIS_CLUSTER_NODES: must be host:port,host:port,...",
    ]);
    expect(issues({ REDIS_URL: "redis://x:6379", REDIS_CLUSTER_NODES: "a:1" })).toEqual([
      "REDIS_CLUSTER_NODES: set REDIS_URL or REDIS_CLUSTER_NODES, not both",
    ]);
  });

  it("wants DIRECT_URL when DATABASE_URL is a pooler, and keeps it apart", () => {
    expect(() => loadConfig({ DATABASE_URL: "postgresql://u@pool:6432/app?pgbouncer=true" })).toThrow(
      /DIRECT_URL: is required when DATABASE_URL is a pooler/,
    );
    const config = loadConfig({
      DATABASE_URL: "postgresql://u@pool:6432/app?pgbouncer=true",
      DIRECT_URL: "postgresql://u@db:5432/app",
    });
    expect([config.databaseUrl, config.directDatabaseUrl]).toEqual([
      "postgresql://u@pool:6432/app?pgbouncer=true",
      "postgresql://u@db:5432/app",
    ]);
  });
});

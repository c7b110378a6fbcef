import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import express from "express";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { adminContentSecurityPolicy } from "../../web/server/admin-ui/content-security-policy.ts";
import { createAdminUiRoutes } from "../../web/server/admin-ui/create-admin-ui-routes.ts";
import { renderAdminHtml } from "../../web/server/admin-ui/render-admin-html.ts";
import { verifySessionToken } from "../../web/server/auth/verify-session-token.ts";
import { loadConfig } from "../../web/server/config.ts";
import { createShopify } from "../../web/server/shopify/create-shopify.ts";
import { pino } from "pino";

/** Scripts on /admin: the bundle and App Bridge from Shopify's CDN only. */
const ADMIN_SCRIPT_POLICY = "script-src 'self' https://cdn.shopify.com; object-src 'none'; base-uri 'self';";

const SECRET = "admin-ui-secret";
const HTML = `<!doctype html><html><head><title>x</title><script type="module" src="/admin/assets/app.js"></script></head><body><div id="root"></div></body></html>`;

function fakeDist(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bh-admin-dist-"));
  fs.mkdirSync(path.join(dir, "assets"));
  fs.writeFileSync(path.join(dir, "index.html"), HTML);
  fs.writeFileSync(path.join(dir, "assets", "app.js"), "console.log(1)");
  return dir;
}

function appFor(env: Record<string, string>, distDir = fakeDist()) {
  const config = loadConfig({
    SHOPIFY_API_KEY: "key-1",
    SHOPIFY_API_SECRET: SECRET,
    SHOPIFY_APP_URL: "https://app.example",
    DATABASE_URL: "postgresql://x@localhost/x",
    ...env,
  });
  const app = express();
  app.use(createAdminUiRoutes({ config, distDir, now: () => new Date() }));
  return { app, config };
}

describe("adminContentSecurityPolicy", () => {
  it.each([
    [
      "shop.myshopify.com",
      `frame-ancestors https://shop.myshopify.com https://admin.shopify.com; ${ADMIN_SCRIPT_POLICY}`,
    ],
    [
      "my-shop-2.myshopify.com",
      `frame-ancestors https://my-shop-2.myshopify.com https://admin.shopify.com; ${ADMIN_SCRIPT_POLICY}`,
    ],
    ["evil.com", `frame-ancestors 'none'; ${ADMIN_SCRIPT_POLICY}`],
    ["shop.myshopify.com.evil.com", `frame-ancestors 'none'; ${ADMIN_SCRIPT_POLICY}`],
    ["shop.myshopify.com https://evil.com", `frame-ancestors 'none'; ${ADMIN_SCRIPT_POLICY}`],
    ["SHOP.myshopify.com", `frame-ancestors 'none'; ${ADMIN_SCRIPT_POLICY}`],
    [undefined, `frame-ancestors 'none'; ${ADMIN_SCRIPT_POLICY}`],
    [["a.myshopify.com", "b.myshopify.com"], `frame-ancestors 'none'; ${ADMIN_SCRIPT_POLICY}`],
  ])("%s -> %s", (shop, policy) => {
    expect(adminContentSecurityPolicy(shop)).toBe(policy);
  });
});

describe("renderAdminHtml", () => {
  it("puts the API key first, then Shopify's App Bridge, its stand-in or neither, before the bundle", () => {
    const none = renderAdminHtml(HTML, { apiKey: 'k"<', appBridge: "none" });
    expect(none).toContain('<meta name="shopify-api-key" content="k&quot;&lt;" />');
    expect(none).not.toContain("app-bridge");
    const cdn = renderAdminHtml(HTML, { apiKey: "k", appBridge: "cdn" });
    expect(cdn).toContain('<script src="https://cdn.shopify.com/shopifycloud/app-bridge.js"></script>');
    expect(cdn.indexOf("shopify-api-key")).toBeLessThan(cdn.indexOf("app-bridge.js"));
    expect(cdn.indexOf("app-bridge.js")).toBeLessThan(cdn.indexOf('type="module"'));
    const standIn = renderAdminHtml(HTML, { apiKey: "k", appBridge: "stand-in" });
    expect(standIn).toContain('<script src="/admin/app-bridge-stand-in.js"></script>');
    expect(standIn).not.toContain("cdn.shopify.com");
    expect(standIn.indexOf("app-bridge-stand-in.js")).toBeLessThan(standIn.indexOf('type="module"'));
  });
});

describe("createAdminUiRoutes", () => {
  const { app } = appFor({ NODE_ENV: "test" });

  it("serves the SPA for /admin and deep links, with the shop's frame-ancestors and no caching", async () => {
    for (const url of ["/admin?shop=a.myshopify.com", "/admin/etas?shop=a.myshopify.com"]) {
      const res = await request(app).get(url);
      expect(res.status).toBe(200);
      expect(res.headers["content-security-policy"]).toBe(
        `frame-ancestors https://a.myshopify.com https://admin.shopify.com; ${ADMIN_SCRIPT_POLICY}`,
      );
      expect(res.headers["cache-control"]).toBe("no-store");
      expect(res.text).toContain('<div id="root">');
      expect(res.text).toContain('content="key-1"');
    }
  });

  it("forbids framing without a valid shop", async () => {
    const res = await request(app).get("/admin?shop=evil.com");
    expect(res.headers["content-security-policy"]).toBe(`frame-ancestors 'none'; ${ADMIN_SCRIPT_POLICY}`);
  });

  it("adds App Bridge from Shopify's CDN when Shopify opens it embedded, else the stand-in in tests", async () => {
    const embedded = await request(app).get("/admin?shop=a.myshopify.com&host=YWRtaW4&embedded=1");
    expect(embedded.text).toContain("https://cdn.shopify.com/shopifycloud/app-bridge.js");
    expect(embedded.text).not.toContain("app-bridge-stand-in.js");
    const standalone = await request(app).get("/admin?shop=a.myshopify.com");
    expect(standalone.text).toContain('<script src="/admin/app-bridge-stand-in.js"></script>');
    expect(standalone.text).not.toContain("cdn.shopify.com");
  });

  it("serves the stand-in script uncached, and answers 503 while it is not built", async () => {
    const dist = fakeDist();
    fs.writeFileSync(path.join(dist, "app-bridge-stand-in.js"), "window.shopify = {};");
    const res = await request(appFor({ NODE_ENV: "test" }, dist).app).get("/admin/app-bridge-stand-in.js");
    expect([res.status, res.headers["cache-control"], res.text]).toEqual([
      200,
      "no-store",
      "window.shopify = {};",
    ]);
    expect(res.headers["content-type"]).toContain("javascript");
    expect((await request(app).get("/admin/app-bridge-stand-in.js")).status).toBe(503);
  });

  it("never gives production the stand-in: no script tag outside the admin, no script served", async () => {
    const env = {
      NODE_ENV: "production",
      TOKEN_ENCRYPTION_KEY: `k1:${Buffer.alloc(32, 7).toString("base64")}`,
    };
    const dist = fakeDist();
    fs.writeFileSync(path.join(dist, "app-bridge-stand-in.js"), "window.shopify = {};");
    const prod = appFor(env, dist).app;
    const page = await request(prod).get("/admin?shop=a.myshopify.com");
    expect(page.text).not.toContain("app-bridge");
    const script = await request(prod).get("/admin/app-bridge-stand-in.js");
    expect(script.text).not.toContain("window.shopify");
  });

  it("caches hashed assets forever and 404s missing ones", async () => {
    const ok = await request(app).get("/admin/assets/app.js");
    expect(ok.status).toBe(200);
    expect(ok.headers["cache-control"]).toContain("immutable");
    expect((await request(app).get("/admin/assets/missing.js")).status).toBe(404);
  });

  it("redirects / to /admin with the query when a shop is given, and leaves / alone otherwise", async () => {
    const res = await request(app).get("/?shop=a.myshopify.com&host=abc");
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe("/admin?shop=a.myshopify.com&host=abc");
    expect((await request(app).get("/")).status).toBe(404);
  });

  it("answers 503 with a hint when the bundle is not built", async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), "bh-admin-empty-"));
    const res = await request(appFor({ NODE_ENV: "test" }, empty).app).get("/admin?shop=a.myshopify.com");
    expect(res.status).toBe(503);
    expect(res.text).toContain("build:admin");
  });

  it("mints a session token the API accepts, in test mode", async () => {
    const { app: testApp, config } = appFor({ NODE_ENV: "test" });
    const res = await request(testApp).get("/dev/session-token?shop=a.myshopify.com");
    expect(res.status).toBe(200);
    expect(res.headers["cache-control"]).toBe("no-store");
    const verified = await verifySessionToken(
      createShopify(config, pino({ level: "silent" })),
      `Bearer ${res.body.token}`,
    );
    expect(verified).toMatchObject({ ok: true, shop: "a.myshopify.com", userId: "1" });
    expect((await request(testApp).get("/dev/session-token?shop=evil.com")).status).toBe(400);
  });

  it.each([
    [
      "production",
      { NODE_ENV: "production", TOKEN_ENCRYPTION_KEY: `k1:${Buffer.alloc(32, 7).toString("base64")}` },
    ],
    ["development with real credentials", { NODE_ENV: "development" }],
  ])("has no token endpoint in %s", async (_name, env) => {
    const res = await request(appFor(env).app).get("/dev/session-token?shop=a.myshopify.com");
    expect(res.status).toBe(404);
    expect((await request(appFor(env).app).get("/dev/products?shop=a.myshopify.com")).status).toBe(404);
  });

  it("has the token endpoint in the demo playground (no credentials)", async () => {
    const config = loadConfig({ NODE_ENV: "development" });
    expect(config.demo).toBe(true);
    const demo = express().use(createAdminUiRoutes({ config, distDir: fakeDist(), now: () => new Date() }));
    expect((await request(demo).get("/dev/session-token?shop=a.myshopify.com")).status).toBe(200);
  });
});

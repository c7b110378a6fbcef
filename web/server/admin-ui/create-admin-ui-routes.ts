import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import express, { type Request, type Router } from "express";
import type { AppDeps } from "../app-deps.ts";
import { adminContentSecurityPolicy, validShopDomain } from "./content-security-policy.ts";
import { mintDevSessionToken } from "./mint-dev-session-token.ts";
import { findShopProducts } from "../products/find-shop-products.ts";
import type { ProductsResponse } from "../../contract/api-responses.ts";
import { APP_BRIDGE_STAND_IN_PATH, renderAdminHtml, type AppBridgeSource } from "./render-admin-html.ts";

export const DEFAULT_ADMIN_DIST = fileURLToPath(new URL("../../frontend/dist/", import.meta.url));

type AdminUiDeps = Pick<AppDeps, "config" | "now"> & Partial<Pick<AppDeps, "db">> & { distDir?: string };

/** The playground (demo) and tests, never production: dev session tokens, the App Bridge stand-in. */
export function devToolsEnabled(config: AppDeps["config"]): boolean {
  return config.env !== "production" && (config.demo || config.env === "test");
}

/** Shopify opens the app with these on the first load; `host` or `embedded=1` means inside the admin. */
function isEmbedded(req: Request): boolean {
  return req.query.embedded === "1" || typeof req.query.host === "string";
}

/**
 * Serves the built admin SPA at /admin (hashed assets cached forever, the page never), redirects
 * `/?shop=` there, and in the playground and tests only, mints session tokens at /dev/session-token.
 */
export function createAdminUiRoutes(deps: AdminUiDeps): Router {
  const router = express.Router();
  const devTools = devToolsEnabled(deps.config);
  const appBridgeFor = (req: Request): AppBridgeSource =>
    isEmbedded(req) ? "cdn" : devTools ? "stand-in" : "none";
  const distDir = deps.distDir ?? DEFAULT_ADMIN_DIST;
  const indexPath = path.join(distDir, "index.html");
  let template: string | null = null;
  const readTemplate = () => {
    // Read once: the bundle does not change under a running process.
    template ??= fs.existsSync(indexPath) ? fs.readFileSync(indexPath, "utf8") : null;
    return template;
  };

  router.get("/", (req, res, next) => {
    if (!validShopDomain(req.query.shop)) return next();
    const query = new URLSearchParams(req.query as Record<string, string>).toString();
    res.redirect(302, `/admin?${query}`);
  });

  if (devTools) {
    // Not hashed (index.html names it before the bundle's manifest is read): never cached.
    router.get(APP_BRIDGE_STAND_IN_PATH, (_req, res) => {
      res.set("Cache-Control", "no-store");
      res.sendFile(path.join(distDir, "app-bridge-stand-in.js"), (error) => {
        if (error && !res.headersSent) res.status(503).type("text/plain").send("Run `npm run build:admin`.");
      });
    });
  }

  router.use(
    "/admin/assets",
    express.static(path.join(distDir, "assets"), {
      immutable: true,
      maxAge: "365d",
      index: false,
      fallthrough: false,
    }),
  );

  router.get(["/admin", "/admin/{*rest}"], (req, res) => {
    res.set("Content-Security-Policy", adminContentSecurityPolicy(req.query.shop));
    res.set("Cache-Control", "no-store");
    const html = readTemplate();
    if (!html) {
      res.status(503).type("text/plain").send("The admin UI is not built: run `npm run build:admin`.");
      return;
    }
    res
      .type("html")
      .send(renderAdminHtml(html, { apiKey: deps.config.apiKey, appBridge: appBridgeFor(req) }));
  });

  // Never in production: anyone could mint a token for any shop with it.
  if (devTools) {
    router.get("/dev/session-token", async (req, res) => {
      const shop = validShopDomain(req.query.shop);
      if (!shop) {
        res.status(400).json({ error: "bad_request", message: "shop must be a myshopify.com domain" });
        return;
      }
      const secret = deps.config.apiSecrets[0];
      if (!secret) throw new Error("no API secret configured");
      const now = deps.now();
      res.set("Cache-Control", "no-store");
      res.json(await mintDevSessionToken({ shop, apiKey: deps.config.apiKey, secret, now }));
    });

    // What the stand-in's resource picker lists: the shop's synced catalog (the simulator's products
    // in the playground), as Shopify's picker lists the shop's. No token: /dev/session-token gives one anyway.
    const db = deps.db;
    if (db) {
      router.get("/dev/products", async (req, res) => {
        const domain = validShopDomain(req.query.shop);
        const query = typeof req.query.query === "string" ? req.query.query.slice(0, 200) : undefined;
        const shop = domain ? await db.shop.findUnique({ where: { domain }, select: { id: true } }) : null;
        if (!shop) {
          res.status(404).json({ error: "not_found", message: "no installed shop with that domain" });
          return;
        }
        res.set("Cache-Control", "no-store");
        res.json({
          products: await findShopProducts(db, shop.id, query ? { query } : {}),
        } satisfies ProductsResponse);
      });
    }
  }

  return router;
}

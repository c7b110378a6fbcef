import { createHash } from "node:crypto";
import express, { type Router } from "express";
import type { AppDeps } from "../app-deps.ts";
import { AppError } from "../errors.ts";
import type { ProxyLocals } from "../proxy/require-proxy-signature.ts";
import { isShopifyIdText } from "../shopify-id.ts";
import { proxyEtaRateLimit } from "./proxy-eta-rate-limit.ts";
import { createProxyEtaCache, type ProxyEtaCache } from "./proxy-eta-cache.ts";
import { readProxyEtas } from "./read-proxy-etas.ts";
import { createProxyShopContextReader } from "./read-proxy-shop-context.ts";
import { calendarDate } from "./resolve-eta.ts";

export const PROXY_ETA_MAX_IDS = 50;

/** GET /proxy/eta, behind the app proxy signature check; the shop is res.locals.proxy.shop. */
export function etaProxyRoutes(deps: AppDeps, cache: ProxyEtaCache = createProxyEtaCache()): Router {
  const router = express.Router();
  const readShopContext = createProxyShopContextReader(deps.sql);
  router.get("/eta", proxyEtaRateLimit(deps), async (req, res) => {
    const { shop } = (res.locals as ProxyLocals).proxy;
    const ids = parseVariantIds(req.query.variant_ids);
    // Fresh on every request (see createProxyShopContextReader); it also sees an uninstall at once,
    // where the signature check's shop lookup may be a few seconds old.
    const ctx = await readShopContext(shop.id);
    if (!ctx) {
      res.status(404).json({ error: "unknown_shop" });
      return;
    }
    const now = new Date();
    const today = calendarDate(now, ctx.timezone);
    const key = [shop.id, ctx.etaVersion, today, ctx.defaultLeadTimeDays, ids.join(",")].join("|");
    let cached = cache.get(key);
    if (!cached) {
      const variants = await readProxyEtas(deps.sql, ctx, ids, now);
      const body = JSON.stringify({ variants });
      cached = { body, etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"` };
      cache.set(key, cached);
    }
    res.setHeader("Cache-Control", "public, max-age=60");
    res.setHeader("ETag", cached.etag);
    res.setHeader("Content-Type", "application/json; charset=utf-8");
    // Express answers 304 itself when If-None-Match matches the ETag set above.
    res.send(cached.body);
  });
  return router;
}

/** `1,2,3` -> sorted unique ids as text; 400 on anything else or more than 50. */
function parseVariantIds(raw: unknown): string[] {
  if (typeof raw !== "string" || raw.trim() === "") {
    throw new AppError("bad_request", "variant_ids is required (comma-separated variant ids)");
  }
  const parts = raw.split(",").map((p) => p.trim());
  if (parts.some((p) => !isShopifyIdText(p))) {
    throw new AppError("bad_request", "variant_ids must be numeric variant ids");
  }
  const ids = [...new Set(parts.map((p) => BigInt(p)))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (ids.length > PROXY_ETA_MAX_IDS) {
    throw new AppError("bad_request", `at most ${PROXY_ETA_MAX_IDS} variant_ids per request`);
  }
  return ids.map(String);
}

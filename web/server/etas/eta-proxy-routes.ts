import { createHash } from "node:crypto";
import express, { type Router } from "express";
import type { AppDeps } from "../app-deps.ts";
import { AppError } from "../errors.ts";
import type { ProxyLocals } from "../proxy/require-proxy-signature.ts";
import { loadEtaShopContext } from "./eta-shop-context.ts";
import { createProxyEtaCache, type ProxyEtaCache } from "./proxy-eta-cache.ts";
import { readProxyEtas } from "./read-proxy-etas.ts";
import { calendarDate } from "./resolve-eta.ts";

export const PROXY_ETA_MAX_IDS = 50;
// PostgreSQL bigint: a larger number cannot be a stored id and would fail the query.
const MAX_BIGINT = 9_223_372_036_854_775_807n;

/** GET /proxy/eta, behind the app proxy signature check; the shop is res.locals.proxy.shop. */
export function etaProxyRoutes(deps: AppDeps, cache: ProxyEtaCache = createProxyEtaCache()): Router {
  const router = express.Router();
  router.get("/eta", async (req, res) => {
    const { shop } = (res.locals as ProxyLocals).proxy;
    const ids = parseVariantIds(req.query.variant_ids);
    // Read on every request (one primary-key lookup): the version is what makes a change made by
    // another process (an ETA edit, a stock move in the worker) visible here at once.
    const ctx = await loadEtaShopContext(deps.db, shop.id);
    const now = new Date();
    const today = calendarDate(now, ctx.timezone);
    const key = [shop.id, ctx.etaVersion, today, ctx.defaultLeadTimeDays, ids.join(",")].join("|");
    let cached = cache.get(key);
    if (!cached) {
      const variants = await readProxyEtas(deps.db, ctx, ids.map(BigInt), now);
      const body = JSON.stringify({ variants });
      cached = { body, etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"` };
      cache.set(key, cached);
    }
    res.set("Cache-Control", "public, max-age=60");
    res.set("ETag", cached.etag);
    res.type("application/json");
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
  if (parts.some((p) => !/^\d{1,20}$/.test(p) || BigInt(p) > MAX_BIGINT)) {
    throw new AppError("bad_request", "variant_ids must be numeric variant ids");
  }
  const ids = [...new Set(parts.map((p) => BigInt(p)))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (ids.length > PROXY_ETA_MAX_IDS) {
    throw new AppError("bad_request", `at most ${PROXY_ETA_MAX_IDS} variant_ids per request`);
  }
  return ids.map(String);
}

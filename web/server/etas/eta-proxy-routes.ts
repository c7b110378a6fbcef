import { createHash } from "node:crypto";
import express, { type Router } from "express";
import type { AppDeps } from "../app-deps.ts";
import { AppError } from "../errors.ts";
import type { ProxyLocals } from "../proxy/require-proxy-signature.ts";
import { isShopifyIdText } from "../shopify-id.ts";
import { proxyEtaRateLimit } from "./proxy-eta-rate-limit.ts";
import { createProxyEtaCache, type CachedBody, type ProxyEtaCache } from "./proxy-eta-cache.ts";
import { readProxyEtas } from "./read-proxy-etas.ts";
import { createProxyShopContextReader, type ProxyShopContextReader } from "./read-proxy-shop-context.ts";
import { calendarDate } from "./resolve-eta.ts";

export const PROXY_ETA_MAX_IDS = 50;

export type EtaProxyCaches = { answers?: ProxyEtaCache; contexts?: ProxyShopContextReader };

/**
 * GET /proxy/eta, behind the app proxy signature check; the shop is res.locals.proxy.shop. Answers
 * come from a cache keyed by the shop's ETA version (read at most every PROXY_CONTEXT_TTL_MS) and
 * the canonical variant set, serialised once (docs/ingress-performance.md).
 */
export function etaProxyRoutes(deps: AppDeps, caches: EtaProxyCaches = {}): Router {
  const router = express.Router();
  const answers = caches.answers ?? createProxyEtaCache();
  const readShopContext = caches.contexts ?? createProxyShopContextReader(deps.sql);
  router.get("/eta", proxyEtaRateLimit(deps), async (_req, res) => {
    const { shop, query } = (res.locals as ProxyLocals).proxy;
    const ids = parseVariantIds(query.getAll("variant_ids"));
    // Also how an uninstall reaches this route within the TTL, whatever the signature check's cache says.
    const ctx = await readShopContext(shop.id);
    if (!ctx) {
      res.status(404).json({ error: "unknown_shop" });
      return;
    }
    const now = deps.now();
    const today = calendarDate(now, ctx.timezone);
    const key = `${shop.id}|${ctx.etaVersion}|${today}|${ctx.defaultLeadTimeDays}|${ids.join(",")}`;
    let cached = answers.get(key);
    if (!cached) {
      cached = serialise({ variants: await readProxyEtas(deps.sql, ctx, ids, now) });
      answers.set(key, cached);
    }
    res.setHeader("Cache-Control", "public, max-age=60");
    res.setHeader("ETag", cached.etag);
    res.setHeader("Content-Type", "application/json; charset=utf-8");
    // Express answers 304 itself when If-None-Match matches the ETag set above.
    res.send(cached.body);
  });
  return router;
}

function serialise(answer: unknown): CachedBody {
  const body = Buffer.from(JSON.stringify(answer));
  return { body, etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"` };
}

/** `1,2,3` (once) -> sorted unique ids as text; 400 on anything else or more than 50. */
function parseVariantIds(values: string[]): string[] {
  const raw = values.length === 1 ? values[0]! : "";
  if (raw.trim() === "") {
    throw new AppError("bad_request", "variant_ids is required once (comma-separated variant ids)");
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

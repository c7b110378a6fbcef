import { createHash } from "node:crypto";
import type { RequestHandler } from "express";
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
 * GET /proxy/eta, after the app proxy signature check (the shop is res.locals.proxy.shop): the
 * rate limit, then the answer. Mounted by the app as a route of its own, ahead of the /proxy
 * router, so the storefront's hottest read skips the routers it does not need. Answers come from a
 * cache keyed by the shop's ETA version (read at most every PROXY_CONTEXT_TTL_MS) and the canonical
 * variant set, serialised once and written as is (docs/ingress-performance.md).
 */
export function proxyEtaHandlers(deps: AppDeps, caches: EtaProxyCaches = {}): RequestHandler[] {
  const answers = caches.answers ?? createProxyEtaCache();
  const readShopContext = caches.contexts ?? createProxyShopContextReader(deps.sql);
  const answer: RequestHandler = async (req, res) => {
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
    // req.fresh: GET or HEAD whose If-None-Match matches the ETag just set.
    if (req.fresh) {
      res.status(304).end();
      return;
    }
    res.setHeader("Content-Type", "application/json; charset=utf-8");
    res.setHeader("Content-Length", cached.bytes);
    // Written as is, without res.send's work (its ETag, type and length are known): a string is
    // sent together with the headers in one write.
    res.end(req.method === "HEAD" ? undefined : cached.body);
  };
  return [proxyEtaRateLimit(deps), answer];
}

function serialise(answer: unknown): CachedBody {
  const body = JSON.stringify(answer);
  const etag = `"${createHash("sha256").update(body, "utf8").digest("base64url").slice(0, 27)}"`;
  return { body, bytes: Buffer.byteLength(body, "utf8"), etag };
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

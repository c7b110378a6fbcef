import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import fresh from "fresh";
import type { AppDeps } from "../app-deps.ts";
import { AppError } from "../errors.ts";
import { BASE_SECURITY_HEADERS } from "../http/security-headers.ts";
import type { MaybePromise } from "../maybe-promise.ts";
import { createProxyShopCache, type ProxyShopCache } from "../proxy/create-proxy-shop-cache.ts";
import { isShopifyIdText } from "../shopify-id.ts";
import type { EtaShopContext } from "./eta-shop-context.ts";
import { createProxyEtaCache, type CachedBody, type ProxyEtaCache } from "./proxy-eta-cache.ts";
import { createProxyEtaLimiter, type ProxyEtaLimiter } from "./proxy-eta-rate-limit.ts";
import { readProxyEtas } from "./read-proxy-etas.ts";
import { createProxyShopContextReader, type ProxyShopContextReader } from "./read-proxy-shop-context.ts";
import { calendarDate } from "./resolve-eta.ts";

export const PROXY_ETA_MAX_IDS = 50;

/**
 * What every answer of GET /proxy/eta in a web process shares, whichever path answers it (express,
 * or proxy-eta-fast-path.ts ahead of it): the installed shops, the shops' ETA contexts, the
 * serialised answers and the rate limits.
 */
export type ProxyEtaParts = {
  shops: ProxyShopCache;
  contexts: ProxyShopContextReader;
  answers: ProxyEtaCache;
  limiter: ProxyEtaLimiter;
};

export function createProxyEtaParts(deps: AppDeps, given: Partial<ProxyEtaParts> = {}): ProxyEtaParts {
  return {
    shops: given.shops ?? createProxyShopCache(deps.sql),
    contexts: given.contexts ?? createProxyShopContextReader(deps.sql),
    answers: given.answers ?? createProxyEtaCache(),
    limiter: given.limiter ?? createProxyEtaLimiter(deps),
  };
}

/**
 * The answer for these variants, from the cache (at once, no promise) or read and serialised once.
 * Keyed by the shop's ETA version (read at most every PROXY_CONTEXT_TTL_MS), its today and default
 * lead time, and the canonical variant set (docs/ingress-performance.md).
 */
export function etaAnswer(
  deps: Pick<AppDeps, "sql" | "now">,
  answers: ProxyEtaCache,
  shopId: string,
  ctx: EtaShopContext,
  ids: string[],
): MaybePromise<CachedBody> {
  const now = deps.now();
  const today = calendarDate(now, ctx.timezone);
  const key = `${shopId}|${ctx.etaVersion}|${today}|${ctx.defaultLeadTimeDays}|${ids.join(",")}`;
  return answers.get(key) ?? readAnswer(deps, answers, key, ctx, ids, now);
}

async function readAnswer(
  deps: Pick<AppDeps, "sql">,
  answers: ProxyEtaCache,
  key: string,
  ctx: EtaShopContext,
  ids: string[],
  now: Date,
): Promise<CachedBody> {
  const cached = serialise({ variants: await readProxyEtas(deps.sql, ctx, ids, now) });
  answers.set(key, cached);
  return cached;
}

/**
 * Writes a cached answer on express's response: 304 when the request's If-None-Match names its
 * ETag (express's req.fresh, for GET and HEAD), else the JSON as is, its type, length and ETag
 * known, so the headers and the body leave in one write.
 */
export function writeEtaAnswer(req: IncomingMessage, res: ServerResponse, cached: CachedBody): void {
  res.setHeader("Cache-Control", CACHE_CONTROL);
  res.setHeader("ETag", cached.etag);
  if (fresh(req.headers, { etag: cached.etag })) {
    res.statusCode = 304;
    res.end();
    return;
  }
  res.statusCode = 200;
  res.setHeader("Content-Type", CONTENT_TYPE);
  res.setHeader("Content-Length", cached.bytes);
  res.end(req.method === "HEAD" ? undefined : cached.body);
}

/**
 * The same answer on a bare node:http response nothing has touched (proxy-eta-fast-path.ts): the
 * headers express's route sends, in its order (BASE_SECURITY_HEADERS first, as its middleware sets
 * them), given to writeHead as one list rather than one setHeader each.
 */
export function writeEtaAnswerBare(req: IncomingMessage, res: ServerResponse, cached: CachedBody): void {
  const head = [...SECURITY_HEAD, "Cache-Control", CACHE_CONTROL, "ETag", cached.etag];
  if (fresh(req.headers, { etag: cached.etag })) {
    res.writeHead(304, head).end();
    return;
  }
  head.push("Content-Type", CONTENT_TYPE, "Content-Length", String(cached.bytes));
  res.writeHead(200, head).end(req.method === "HEAD" ? undefined : cached.body);
}

const CACHE_CONTROL = "public, max-age=60";
const CONTENT_TYPE = "application/json; charset=utf-8";
const SECURITY_HEAD = Object.entries(BASE_SECURITY_HEADERS).flat();

function serialise(answer: unknown): CachedBody {
  const body = JSON.stringify(answer);
  const etag = `"${createHash("sha256").update(body, "utf8").digest("base64url").slice(0, 27)}"`;
  return { body, bytes: Buffer.byteLength(body, "utf8"), etag };
}

/** `1,2,3` (once) -> sorted unique ids as text; 400 on anything else or more than 50. */
export function parseVariantIds(values: string[]): string[] {
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

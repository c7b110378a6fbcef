import type { IncomingMessage, ServerResponse } from "node:http";
import type { AppDeps } from "../app-deps.ts";
import { clientAddress, compileTrustProxy } from "../http/client-address.ts";
import { andThen, type MaybePromise } from "../maybe-promise.ts";
import { urlHasNul } from "../reject-nul-bytes.ts";
import { etaAnswer, writeEtaAnswerBare, type ProxyEtaParts } from "./proxy-eta-answer.ts";
import { markCounted } from "./proxy-eta-rate-limit.ts";
import { createSignedReads } from "./proxy-eta-signed-reads.ts";

const PATH = "/proxy/eta";

export type ProxyEtaFastPath = {
  /** A request it tries: GET or HEAD of exactly /proxy/eta (with a query). */
  matches(req: IncomingMessage): boolean;
  /**
   * Answers a read that goes through cleanly (200, or 304 for a fresh ETag) and gives true.
   * Anything else gives false with the response untouched, for express's route to answer as
   * it always has: a bad or missing signature, an unknown or uninstalled shop, bad variant ids, a
   * read over the limits (counted once: the verdict goes with the request), a database error
   * (a rejected promise). With every cache warm it answers at once, without a promise.
   */
  tryAnswer(req: IncomingMessage, res: ServerResponse): MaybePromise<boolean>;
};

/**
 * GET /proxy/eta before express (every product page view asks it): express's request and
 * response set-up, router and middleware chain cost as much as the read itself
 * (docs/ingress-performance.md, "Answering outside express"). It does what express's route does
 * for a clean read, with the same parts (proxy-eta-answer.ts): the NUL check, the signature, the
 * shop, the limits, the security headers, the request metric.
 */
export function createProxyEtaFastPath(deps: AppDeps, parts: ProxyEtaParts): ProxyEtaFastPath {
  const signedReads = createSignedReads(deps.config.apiSecrets);
  const trust = compileTrustProxy(deps.config.trustProxy);
  const observed = {
    200: deps.metrics.httpDuration.labels({ route: PATH, status: "200" }),
    304: deps.metrics.httpDuration.labels({ route: PATH, status: "304" }),
  };
  return {
    matches(req) {
      const url = req.url ?? "";
      return (
        (req.method === "GET" || req.method === "HEAD") &&
        url.startsWith(PATH) &&
        (url.length === PATH.length || url.charCodeAt(PATH.length) === 63) // "?"
      );
    },
    tryAnswer(req, res) {
      const started = performance.now();
      const url = req.url ?? "";
      if (urlHasNul(url)) return false;
      const read = signedReads(url);
      if (!read) return false;
      const { ids } = read;
      return andThen(parts.shops.peek(read.shop) ?? parts.shops.get(read.shop), (shop) => {
        if (!shop || !ids) return false;
        return andThen(parts.contexts(shop.id), (ctx) => {
          if (!ctx) return false;
          return andThen(parts.limiter(shop.id, clientAddress(req, trust)), (verdict) => {
            // From here on, a request handed to express is not counted a second time.
            markCounted(req, verdict);
            if (!verdict.ok) return false;
            return andThen(etaAnswer(deps, parts.answers, shop.id, ctx, ids), (cached) => {
              writeEtaAnswerBare(req, res, cached);
              observed[res.statusCode === 304 ? 304 : 200].observe((performance.now() - started) / 1000);
              return true;
            });
          });
        });
      });
    },
  };
}

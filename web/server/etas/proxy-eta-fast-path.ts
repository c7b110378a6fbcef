import type { IncomingMessage, ServerResponse } from "node:http";
import type { AppDeps } from "../app-deps.ts";
import { clientAddress, compileTrustProxy } from "../http/client-address.ts";
import { setBaseSecurityHeaders } from "../http/security-headers.ts";
import { verifyProxySignature } from "../proxy/verify-proxy-signature.ts";
import { urlHasNul } from "../reject-nul-bytes.ts";
import { etaAnswer, parseVariantIds, writeEtaAnswer, type ProxyEtaParts } from "./proxy-eta-answer.ts";
import { markCounted } from "./proxy-eta-rate-limit.ts";

const PATH = "/proxy/eta";

export type ProxyEtaFastPath = {
  /** A request it tries: GET or HEAD of exactly /proxy/eta (with a query). */
  matches(req: IncomingMessage): boolean;
  /**
   * Answers a read that goes through cleanly (200, or 304 for a fresh ETag) and resolves true.
   * Anything else resolves false with the response untouched, for express's route to answer as
   * it always has: a bad or missing signature, an unknown or uninstalled shop, bad variant ids, a
   * read over the limits (counted once: the verdict goes with the request), a database error.
   */
  tryAnswer(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
};

/**
 * GET /proxy/eta before express (every product page view asks it): express's request and
 * response set-up, router and middleware chain cost as much as the read itself
 * (docs/ingress-performance.md, "Answering outside express"). It does what express's route does
 * for a clean read, with the same parts (proxy-eta-answer.ts): the NUL check, the signature, the
 * shop, the limits, the security headers, the request metric.
 */
export function createProxyEtaFastPath(deps: AppDeps, parts: ProxyEtaParts): ProxyEtaFastPath {
  const secrets = [...deps.config.apiSecrets];
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
    async tryAnswer(req, res) {
      const started = process.hrtime.bigint();
      const url = req.url ?? "";
      if (urlHasNul(url)) return false;
      const mark = url.indexOf("?");
      const query = new URLSearchParams(mark === -1 ? "" : url.slice(mark + 1));
      const verified = verifyProxySignature(query, secrets, new Date());
      if (!verified.ok) return false;
      const shop = await parts.shops.get(verified.shop);
      if (!shop) return false;
      let ids: string[];
      try {
        ids = parseVariantIds(query.getAll("variant_ids"));
      } catch {
        return false;
      }
      const ctx = await parts.contexts(shop.id);
      if (!ctx) return false;
      const verdict = await parts.limiter(shop.id, clientAddress(req, trust));
      // From here on, a request handed to express is not counted a second time.
      markCounted(req, verdict);
      if (!verdict.ok) return false;
      const cached = await etaAnswer(deps, parts.answers, shop.id, ctx, ids);
      setBaseSecurityHeaders(res);
      writeEtaAnswer(req, res, cached);
      observed[res.statusCode === 304 ? 304 : 200].observe(Number(process.hrtime.bigint() - started) / 1e9);
      return true;
    },
  };
}

import type { RequestHandler } from "express";
import type { AppDeps } from "../app-deps.ts";
import type { ProxyLocals } from "../proxy/require-proxy-signature.ts";
import { proxyEtaRateLimit } from "./proxy-eta-rate-limit.ts";
import { etaAnswer, parseVariantIds, writeEtaAnswer, type ProxyEtaParts } from "./proxy-eta-answer.ts";

/**
 * GET /proxy/eta in express, after the app proxy signature check (the shop is
 * res.locals.proxy.shop): the rate limit, then the answer. proxy-eta-fast-path.ts answers the
 * clean reads before express sees them; this route answers the rest (refusals, bad input, errors)
 * and any request the fast path does not take, with the same parts, so both answer alike.
 */
export function proxyEtaHandlers(deps: AppDeps, parts: ProxyEtaParts): RequestHandler[] {
  const answer: RequestHandler = async (req, res) => {
    const { shop, query } = (res.locals as ProxyLocals).proxy;
    const ids = parseVariantIds(query.getAll("variant_ids"));
    // Also how an uninstall reaches this route within the TTL, whatever the signature check's cache says.
    const ctx = await parts.contexts(shop.id);
    if (!ctx) {
      res.status(404).json({ error: "unknown_shop" });
      return;
    }
    writeEtaAnswer(req, res, await etaAnswer(deps, parts.answers, shop.id, ctx, ids));
  };
  return [proxyEtaRateLimit(parts.limiter), answer];
}

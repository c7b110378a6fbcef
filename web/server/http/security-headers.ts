import type { ServerResponse } from "node:http";
import type { RequestHandler } from "express";
import helmet from "helmet";

/**
 * On every answer: no MIME sniffing, and no Referer, as the email link pages carry their token
 * in the path and the page's outbound links would leak it. The values helmet's
 * xContentTypeOptions() and referrerPolicy({ policy: "no-referrer" }) set, written as two
 * constants so an answer written outside express (proxy-eta-fast-path.ts) sends the same.
 */
export const BASE_SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
});

/** Sets BASE_SECURITY_HEADERS on a response (express or node:http). */
export function setBaseSecurityHeaders(res: Pick<ServerResponse, "setHeader">): void {
  for (const name in BASE_SECURITY_HEADERS) res.setHeader(name, BASE_SECURITY_HEADERS[name]!);
}

export function baseSecurityHeaders(): RequestHandler {
  return (_req, res, next) => {
    setBaseSecurityHeaders(res);
    next();
  };
}

/** Pages opened from an email (confirm, unsubscribe, cancel): never framed (clickjacking). */
export function noFraming(): RequestHandler[] {
  return [
    helmet.contentSecurityPolicy({
      useDefaults: false,
      // Only framing is restricted here; the pages' own inline styles stay as they are.
      directives: {
        defaultSrc: helmet.contentSecurityPolicy.dangerouslyDisableDefaultSrc,
        frameAncestors: ["'none'"],
      },
    }),
    helmet.xFrameOptions({ action: "deny" }),
  ];
}

import type { RequestHandler } from "express";
import helmet from "helmet";

/**
 * On every answer: no MIME sniffing, and no Referer, as the email link pages carry their token
 * in the path and the page's outbound links would leak it.
 */
export function baseSecurityHeaders(): RequestHandler[] {
  return [helmet.xContentTypeOptions(), helmet.referrerPolicy({ policy: "no-referrer" })];
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

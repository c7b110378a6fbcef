import type { RequestHandler } from "express";
import { checkBasicAuth, type OperatorCredentials } from "./check-basic-auth.ts";

/**
 * Guards operator-only pages. Off (404, as if the route did not exist) without credentials; 401 with
 * a Basic challenge otherwise. Session tokens and app-proxy signatures are not credentials here, and
 * the pages refuse to be framed, so neither the storefront nor the embedded admin can reach them.
 */
export function requireOperator(credentials: OperatorCredentials | undefined): RequestHandler {
  return (req, res, next) => {
    res.set("X-Frame-Options", "DENY");
    res.set("Content-Security-Policy", "frame-ancestors 'none'");
    res.set("Cache-Control", "no-store");
    res.set("X-Robots-Tag", "noindex");
    if (!credentials) {
      res.status(404).json({ error: "not_found", message: "Not found" });
      return;
    }
    const result = checkBasicAuth(req.get("authorization"), credentials);
    if (!result.ok) {
      res.set("WWW-Authenticate", 'Basic realm="Backorder Hub operations", charset="UTF-8"');
      res.status(401).json({ error: "unauthorized", message: "Operator credentials required" });
      return;
    }
    next();
  };
}

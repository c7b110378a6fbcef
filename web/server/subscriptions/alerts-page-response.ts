import type { Response } from "express";
import type { ProxyLocals } from "../proxy/require-proxy-signature.ts";

/** Answers a page of the alerts flow: Liquid, rendered by Shopify inside the shop's theme, never cached. */
export function sendAlertsPage(res: Response, status: number, body: string): void {
  res.status(status).set("Cache-Control", "no-store").type("application/liquid").send(body);
}

/** The storefront path of the alerts page as Shopify forwarded it (its forms post below it). */
export function alertsBasePath(res: Response): string {
  return `${(res.locals as ProxyLocals).proxy.query.get("path_prefix") ?? "/apps/backorder"}/alerts`;
}

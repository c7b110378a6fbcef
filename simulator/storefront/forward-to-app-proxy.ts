import type { Request, Response } from "express";
import { signAppProxyQuery } from "../sign-app-proxy-query.ts";
import type { Simulator } from "../simulator-types.ts";
import { renderProxyLiquidPage } from "./render-proxy-page.ts";

/** shopify.app.toml's [app_proxy]: prefix "apps", subpath "backorder". */
export const PROXY_PREFIX = "/apps/backorder";

/** What the proxy needs to reach the app and sign for it. */
export interface AppProxyTarget {
  sim: Simulator;
  apiSecret: string;
  /** Where the app runs; the proxy forwards to `${appUrl}/proxy/...`. */
  appUrl: () => string | undefined;
}

// Like Shopify's proxy: no cookies either way, the shopper's address in X-Forwarded-For, and a
// freshly signed query naming the shop (an anonymous shopper: empty logged_in_customer_id).
export const CUSTOMER_COOKIE = "sim_customer_id";

/** The simulated storefront's logged-in customer: the numeric id in its cookie, else none. */
function simCustomerId(req: Request): string | null {
  for (const part of (req.get("Cookie") ?? "").split(";")) {
    const [name, value] = part.trim().split("=");
    if (name === CUSTOMER_COOKIE && value && /^\d{1,20}$/.test(value)) return value;
  }
  return null;
}

export async function forwardToAppProxy(
  opts: AppProxyTarget,
  req: Request,
  res: Response,
  shop: string | undefined,
): Promise<void> {
  const appUrl = opts.appUrl();
  if (!appUrl || !shop) return void res.status(502).type("text/plain").send("The app is not reachable");
  const incoming = new URL(req.originalUrl, "http://storefront.invalid");
  const params: Record<string, string[]> = {};
  for (const [key, value] of incoming.searchParams) params[key] = [...(params[key] ?? []), value];
  Object.assign(params, {
    shop: [shop],
    // A customer "logged in" to the simulated storefront (cookie set by /account/login).
    logged_in_customer_id: [simCustomerId(req) ?? ""],
    path_prefix: [PROXY_PREFIX],
    timestamp: [String(Math.floor(Date.now() / 1000))],
  });
  const query = new URLSearchParams();
  for (const [key, values] of Object.entries(params)) for (const v of values) query.append(key, v);
  query.append("signature", signAppProxyQuery(params, opts.apiSecret));
  const path = incoming.pathname.slice(PROXY_PREFIX.length);
  const headers: Record<string, string> = {
    "X-Forwarded-For": req.ip ?? "127.0.0.1",
    "X-Forwarded-Host": req.get("Host") ?? shop,
  };
  for (const name of ["content-type", "accept", "accept-language", "user-agent"]) {
    const value = req.get(name);
    if (value) headers[name] = value;
  }
  const hasBody = req.method !== "GET" && req.method !== "HEAD" && Buffer.isBuffer(req.body);
  try {
    const answer = await fetch(`${appUrl}/proxy${path}?${query}`, {
      method: req.method,
      headers,
      body: hasBody ? new Uint8Array(req.body as Buffer) : undefined,
      redirect: "manual",
    });
    res.status(answer.status);
    if ((answer.headers.get("content-type") ?? "").startsWith("application/liquid")) {
      // Shopify renders a Liquid answer inside the shop's theme and serves it as HTML.
      const record = opts.sim.exportState().shops.find((s) => s.domain === shop);
      const html = await renderProxyLiquidPage({
        shop: { name: record?.name ?? shop, domain: shop, locale: record?.locale ?? "en" },
        liquid: await answer.text(),
        customerId: simCustomerId(req),
      });
      return void res.type("html").set("Cache-Control", "no-store").send(html);
    }
    for (const [name, value] of answer.headers) {
      if (
        !["set-cookie", "content-length", "content-encoding", "transfer-encoding", "connection"].includes(
          name,
        )
      )
        res.set(name, value);
    }
    res.send(Buffer.from(await answer.arrayBuffer()));
  } catch (error) {
    res
      .status(502)
      .type("text/plain")
      .send(`App proxy error: ${error instanceof Error ? error.message : String(error)}`);
  }
}

import { signProxyParams } from "../../../web/server/proxy/verify-proxy-signature.ts";
import { TEST_API_SECRET } from "../../helpers/start-test-app.ts";

/** The query Shopify's app proxy forwards, signed for `shop` (or with `secret`, to forge one). */
export function signedProxyQuery(
  shop: string,
  extra: [string, string][] = [],
  opts: { secret?: string; timestamp?: number } = {},
): URLSearchParams {
  const params = new URLSearchParams([
    ["shop", shop],
    ["path_prefix", "/apps/backorder"],
    ["timestamp", String(opts.timestamp ?? Math.floor(Date.now() / 1000))],
    ["logged_in_customer_id", ""],
    ...extra,
  ]);
  params.set("signature", signProxyParams(params, opts.secret ?? TEST_API_SECRET));
  return params;
}

/** POST /proxy/subscriptions as the storefront form does through the app proxy. */
export async function signUp(
  webUrl: string,
  shop: string,
  body: Record<string, unknown>,
  clientIp = "203.0.113.7",
): Promise<Response> {
  return fetch(`${webUrl}/proxy/subscriptions?${signedProxyQuery(shop)}`, {
    method: "POST",
    // Shopify's proxy forwards the shopper's address; the app believes it as far as TRUST_PROXY says.
    headers: { "Content-Type": "application/json", "X-Forwarded-For": clientIp },
    body: JSON.stringify(body),
  });
}

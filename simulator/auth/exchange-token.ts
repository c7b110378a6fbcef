import { jwtVerify } from "jose";
import { DEFAULT_SCOPES } from "../constants.ts";
import type { SimCore } from "../sim-core.ts";
import type { AccessTokens } from "./access-tokens.ts";

const TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
const ONLINE = "urn:shopify:params:oauth:token-type:online-access-token";

export type ExchangeResult =
  { ok: true; body: Record<string, unknown> } | { ok: false; status: number; body: Record<string, unknown> };

/**
 * POST /admin/oauth/access_token with the token-exchange grant. The shop comes from the
 * session token's `dest`; a simulated-shop header, when present, must agree with it.
 */
export async function exchangeToken(
  core: SimCore,
  tokens: AccessTokens,
  body: Record<string, unknown>,
  simulatedShop: string | undefined,
): Promise<ExchangeResult> {
  if (body.client_id !== core.apiKey || body.client_secret !== core.apiSecret) {
    return {
      ok: false,
      status: 401,
      body: { error: "invalid_client", error_description: "Client authentication failed" },
    };
  }
  if (body.grant_type !== TOKEN_EXCHANGE) {
    return { ok: false, status: 400, body: { error: "unsupported_grant_type" } };
  }
  const invalid = { ok: false as const, status: 400, body: { error: "invalid_subject_token" } };
  let dest: string;
  let sub: string | undefined;
  try {
    const { payload } = await jwtVerify(
      String(body.subject_token ?? ""),
      new TextEncoder().encode(core.apiSecret),
      {
        algorithms: ["HS256"],
        audience: core.apiKey,
        currentDate: core.now(),
        clockTolerance: 10,
      },
    );
    dest = new URL(String(payload.dest)).hostname;
    sub = payload.sub;
  } catch {
    return invalid;
  }
  if (simulatedShop && simulatedShop !== dest) return invalid;
  const shop = core.store.shops.get(dest);
  if (!shop) return invalid;
  // Token exchange is how an embedded app gets (re)installed.
  shop.installed = true;
  const online = body.requested_token_type === ONLINE;
  const now = core.now();
  const record = tokens.issue({
    shop: dest,
    scope: DEFAULT_SCOPES,
    online,
    userId: online ? (sub ?? null) : null,
    expiresAt: online ? new Date(now.getTime() + 86_399_000) : null,
  });
  if (!online) return { ok: true, body: { access_token: record.token, scope: record.scope } };
  return {
    ok: true,
    body: {
      access_token: record.token,
      scope: record.scope,
      expires_in: 86399,
      associated_user_scope: record.scope,
      associated_user: {
        id: Number(sub ?? 1),
        first_name: "Shop",
        last_name: "Owner",
        email: shop.email,
        email_verified: true,
        account_owner: true,
        locale: shop.locale,
        collaborator: false,
      },
    },
  };
}

/**
 * Where session tokens come from. Inside the Shopify admin, App Bridge (`shopify.idToken()`) is the
 * only source. Outside it (offline playground, browser tests) the page is opened with the first
 * token in `?id_token=` (as Shopify does on the first load) and refreshed from the dev-only
 * `/dev/session-token` endpoint, which the server only mounts in demo and test mode.
 */
export type TokenProvider = {
  getToken: (opts?: { forceRefresh?: boolean }) => Promise<string>;
  shop: string | null;
};

type ShopifyGlobal = { idToken?: () => Promise<string>; config?: { shop?: string } };

export function appBridge(): ShopifyGlobal | null {
  const shopify = (window as unknown as { shopify?: ShopifyGlobal }).shopify;
  return shopify && typeof shopify.idToken === "function" ? shopify : null;
}

/** Seconds since the epoch at which a JWT expires, or 0 when it cannot be read. */
export function tokenExpiry(token: string): number {
  try {
    const payload = token.split(".")[1] ?? "";
    const json = atob(payload.replace(/-/g, "+").replace(/_/g, "/"));
    const exp = (JSON.parse(json) as { exp?: unknown }).exp;
    return typeof exp === "number" ? exp : 0;
  } catch {
    return 0;
  }
}

export function createTokenProvider(location: Location, history: History): TokenProvider {
  const params = new URLSearchParams(location.search);
  const shop = params.get("shop");
  const bridge = appBridge();
  if (bridge?.idToken) {
    const idToken = bridge.idToken.bind(bridge);
    return { shop: shop ?? bridge.config?.shop ?? null, getToken: () => idToken() };
  }

  // Kept in memory only, and taken out of the address bar so it is not bookmarked or shared.
  let token = params.get("id_token");
  if (token) {
    params.delete("id_token");
    const search = params.toString();
    history.replaceState(
      history.state,
      "",
      `${location.pathname}${search ? `?${search}` : ""}${location.hash}`,
    );
  }
  let pending: Promise<string> | null = null;

  const refresh = async (): Promise<string> => {
    if (!shop) throw new Error("Open the admin with ?shop=<shop>.myshopify.com");
    const response = await fetch(`/dev/session-token?shop=${encodeURIComponent(shop)}`, {
      cache: "no-store",
    });
    if (!response.ok) throw new Error(`Could not get a session token (${response.status})`);
    token = ((await response.json()) as { token: string }).token;
    return token;
  };

  return {
    shop,
    getToken: async ({ forceRefresh = false } = {}) => {
      // A token about to expire would die in flight: renew ten seconds early.
      if (!forceRefresh && token && tokenExpiry(token) - 10 > Date.now() / 1000) return token;
      pending ??= refresh().finally(() => {
        pending = null;
      });
      return pending;
    },
  };
}

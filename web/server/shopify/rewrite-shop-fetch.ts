// Dev and test only (the configuration refuses SHOPIFY_ADMIN_ORIGIN in production): a fetch that
// sends every call to https://{shop}.myshopify.com/... (token exchange, Admin GraphQL) to another
// origin, the Shopify simulator, naming the shop in a header the simulator reads. The simulator
// imports the header name from here: production code never imports the simulator.

export const SIMULATED_SHOP_HEADER = "X-Shopify-Shop-Domain-Simulated";

type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export function rewriteShopFetch<F extends Fetch>(base: F, origin: string | (() => URL | null)): F {
  const targetOf =
    typeof origin === "string"
      ? (
          (u: URL) => () =>
            u
        )(new URL(origin))
      : origin;
  const rewritten = async (input: string | URL | Request, init?: RequestInit) => {
    const target = targetOf();
    const url = new URL(typeof input === "string" ? input : input instanceof URL ? input.href : input.url);
    if (!target || url.protocol !== "https:" || !url.hostname.endsWith(".myshopify.com")) {
      return base(input, init);
    }
    const shop = url.hostname;
    url.protocol = target.protocol;
    url.host = target.host;
    const headers = new Headers(init?.headers);
    headers.set(SIMULATED_SHOP_HEADER, shop);
    return base(url.toString(), { ...init, headers });
  };
  return rewritten as F;
}

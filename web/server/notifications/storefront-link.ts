/**
 * A page of the shop's online store, for links in emails: `path` under the store's URL (Shopify's
 * primary domain, which may carry a subfolder such as `/en-ca`), keeping that URL's own query (the
 * playground's simulator names the shop there), then `params`.
 */
export function storefrontLink(storeUrl: string, path: string, params: Record<string, string> = {}): string {
  const base = new URL(storeUrl);
  const directory = base.pathname.endsWith("/") ? base.pathname : `${base.pathname}/`;
  const url = new URL(`${directory}${path.replace(/^\/+/, "")}`, base.origin);
  for (const [key, value] of base.searchParams) url.searchParams.set(key, value);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url.toString();
}

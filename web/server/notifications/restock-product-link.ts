import { productUrl } from "./build-variant-variables.ts";
import type { EmailShop, EmailVariant } from "./email-send-caches.ts";

export const UTM = { utm_source: "backorder-hub", utm_medium: "email", utm_campaign: "restock" } as const;
/** Query parameter carrying the signed product-link token (attribution of clicks). */
export const LINK_TOKEN_PARAM = "bh_token";

// Characters URLSearchParams writes as they are: a token made of them is its own encoding.
const VERBATIM = /^[A-Za-z0-9._-]+$/;
const MARKER = "bhlinktokenmarker";

type Split = { storeUrl: string; parts: { before: string; after: string } | null };
const splits = new WeakMap<EmailVariant, Split>();

/**
 * The restock email's product link: the variant's page with the UTM parameters and the
 * subscriber's signed token. A variant's links differ only in the token, so the link is built
 * once per variant (and store URL) around a marker, and each subscriber's token is put in its
 * place: the same string productUrl builds, without parsing two URLs per email
 * (docs/fanout-performance.md). A token URLSearchParams would encode takes productUrl itself.
 */
export function restockProductLink(shop: EmailShop, variant: EmailVariant, token: string): string {
  const parts = VERBATIM.test(token) ? splitAtToken(shop, variant) : null;
  if (!parts) return productUrl(shop, variant, { ...UTM, [LINK_TOKEN_PARAM]: token });
  return parts.before + token + parts.after;
}

function splitAtToken(shop: EmailShop, variant: EmailVariant): Split["parts"] {
  const storeUrl = shop.variables.url;
  let split = splits.get(variant);
  if (split?.storeUrl !== storeUrl) {
    const url = productUrl(shop, variant, { ...UTM, [LINK_TOKEN_PARAM]: MARKER });
    const at = url.indexOf(MARKER);
    // A store URL that happens to hold the marker itself is built in full for every email.
    const parts =
      at >= 0 && url.lastIndexOf(MARKER) === at
        ? { before: url.slice(0, at), after: url.slice(at + MARKER.length) }
        : null;
    split = { storeUrl, parts };
    splits.set(variant, split);
  }
  return split.parts;
}

import { describe, expect, it } from "vitest";
import { productUrl } from "./build-variant-variables.ts";
import type { EmailShop, EmailVariant } from "./email-send-caches.ts";
import { LINK_TOKEN_PARAM, UTM, restockProductLink } from "./restock-product-link.ts";

const shopAt = (url: string) => ({ variables: { url } }) as EmailShop;
const variant = (handle: string | null): EmailVariant => ({
  variantId: 4401n,
  title: "Blue",
  productTitle: "Mug",
  handle,
  imageUrl: null,
  price: "12.00",
});
const built = (shop: EmailShop, v: EmailVariant, token: string) =>
  productUrl(shop, v, { ...UTM, [LINK_TOKEN_PARAM]: token });

describe("restockProductLink", () => {
  const tokens = ["0b6f1c9e-2f4a-4c1e-9d7a-5a3e2b1c0d9f.Zx_3-kQ9aB1cD2eF3gH4iJ", "sub.abc", "a b&c=d/é"];
  const stores = [
    "https://shop.example.com",
    "https://shop.example.com/en-ca/",
    "https://sim.example.com/store?shop=demo&utm_source=theirs",
    "https://shop.example.com/?bh_token=old&x=1",
  ];

  it("is the link productUrl builds, for every store URL, handle and token", () => {
    for (const store of stores) {
      for (const handle of ["mug", "tasse à café", null]) {
        const v = variant(handle);
        for (const token of tokens) {
          expect(restockProductLink(shopAt(store), v, token)).toBe(built(shopAt(store), v, token));
        }
      }
    }
  });

  it("follows a variant to a new store URL", () => {
    const v = variant("mug");
    expect(restockProductLink(shopAt(stores[0]!), v, "t.1")).toBe(built(shopAt(stores[0]!), v, "t.1"));
    expect(restockProductLink(shopAt(stores[1]!), v, "t.2")).toBe(built(shopAt(stores[1]!), v, "t.2"));
  });

  it("builds the whole link when the store URL holds the marker", () => {
    const shop = shopAt("https://bhlinktokenmarker.example.com/?q=bhlinktokenmarker");
    const v = variant("mug");
    expect(restockProductLink(shop, v, "t.3")).toBe(built(shop, v, "t.3"));
  });
});

import { describe, expect, it } from "vitest";
import { renderProductPage } from "./render-product-page.ts";
import type { RenderProductPageInput, StorefrontVariant } from "./render-product-page.ts";
import { readExtensionAsset } from "./read-extension-asset.ts";

// Ids above 2^53, as Shopify's are.
const BACKORDERED: StorefrontVariant = {
  id: "9007199254740995",
  title: "Small",
  price: "49.00",
  available: true,
  inventoryQuantity: -2,
  inventoryPolicy: "CONTINUE",
  metafields: { eta: "2026-12-12", message: "Knitted to order </script>", backordered: true },
};
const IN_STOCK: StorefrontVariant = {
  id: "9007199254740997",
  title: "Medium",
  price: "49.00",
  available: true,
  inventoryQuantity: 4,
  inventoryPolicy: "DENY",
  metafields: {},
};
const SOLD_OUT: StorefrontVariant = { ...IN_STOCK, id: "9007199254740999", title: "Large", available: false };
const UNTRACKED: StorefrontVariant = {
  ...IN_STOCK,
  id: "9007199254741001",
  title: "Gift card",
  tracked: false,
};
const BACKORDERED_NO_DATE: StorefrontVariant = {
  ...BACKORDERED,
  id: "9007199254741003",
  metafields: { backordered: true },
};

const render = (selectedVariantId: string, extra: Partial<RenderProductPageInput> = {}) =>
  renderProductPage({
    shop: { name: "Demo Shop", domain: "demo.myshopify.com", locale: "en" },
    product: {
      id: "9007199254740993",
      title: "Wool Sweater",
      handle: "wool-sweater",
      variants: [BACKORDERED, IN_STOCK, SOLD_OUT, UNTRACKED, BACKORDERED_NO_DATE],
    },
    selectedVariantId,
    assetBaseUrl: "/assets/backorder-theme",
    // The ETAs below are in 2026: the current year, so dates show without one.
    now: () => new Date("2026-06-01T12:00:00Z"),
    ...extra,
  });

const openingTag = (html: string, kind: string) =>
  new RegExp(`<div[^>]*data-bo-block="${kind}"[^>]*>`).exec(html)?.[0] ?? "";
const isHidden = (html: string, kind: string) => /\shidden\s/.test(openingTag(html, kind));
const etaText = (html: string) => /data-bo-text>([^<]*)</.exec(html)?.[1];

describe("renderProductPage", () => {
  it.each([
    ["backordered with a date", BACKORDERED.id, "Backordered: ships by 12 Dec", false, true],
    ["backordered without a date", BACKORDERED_NO_DATE.id, "Backordered", false, true],
    ["in stock", IN_STOCK.id, "In stock", false, true],
    ["sold out (no date): notify-me instead", SOLD_OUT.id, "", true, false],
    ["untracked: nothing", UNTRACKED.id, "", true, true],
  ])("%s", async (_name, variantId, text, etaHidden, notifyHidden) => {
    const html = await render(variantId);
    expect(etaText(html)).toBe(text);
    expect(isHidden(html, "eta")).toBe(etaHidden);
    expect(isHidden(html, "notify")).toBe(notifyHidden);
    expect(html).toContain(`<option value="${variantId}" selected>`);
    expect(html).toContain(`name="variant_id" value="${variantId}"`);
  });

  it("shows the merchant message escaped, and embeds every variant's state as script-safe JSON", async () => {
    const html = await render(BACKORDERED.id);
    expect(html).toContain("Knitted to order &lt;/script&gt;</p>");
    const json = /data-bo-block="eta"[\s\S]*?data-bo-variants>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? "";
    expect(json).not.toContain("</script>");
    expect(JSON.parse(json)).toEqual({
      [BACKORDERED.id]: { s: "backordered", d: "12 Dec", m: "Knitted to order </script>" },
      [IN_STOCK.id]: { s: "in_stock", d: "", m: "" },
      [SOLD_OUT.id]: { s: "sold_out", d: "", m: "" },
      [UNTRACKED.id]: { s: "untracked", d: "", m: "" },
      [BACKORDERED_NO_DATE.id]: { s: "backordered", d: "", m: "" },
    });
  });

  it("defaults to the first available variant and loads the block assets once, deferred", async () => {
    const html = await render("");
    expect(html).toContain(`<option value="${BACKORDERED.id}" selected>`);
    expect(html.match(/backorder\.js/g)).toHaveLength(1);
    expect(html).toContain('<script src="/assets/backorder-theme/backorder.js" defer></script>');
    expect(html).toContain('<link rel="stylesheet" href="/assets/backorder-theme/backorder.css">');
    expect(html).not.toMatch(/schema|endschema|"settings"/);
  });

  it("applies block settings: date format and merchant texts", async () => {
    const html = await render(BACKORDERED.id, {
      blockSettings: {
        "backorder-eta": { date_format: "%B %-d, %Y", backordered_text: "Pre-order: ships [date]" },
      },
    });
    expect(etaText(html)).toBe("Pre-order: ships December 12, 2026");
    expect(openingTag(html, "eta")).toContain('data-tpl-until="Pre-order: ships [date]"');
  });

  it.each([
    ["fr", "En réapprovisionnement\u00a0: expédié d&#39;ici le 12 déc.", "Me prévenir"],
    ["de-CH", "Nachbestellt: Versand bis 12. Dez.", "Benachrichtigen"],
    ["es", "Bajo pedido: se envía antes del 12 dic", "Avísame"],
    ["ja", "Backordered: ships by 12 Dec", "Notify me"],
  ])("translates the storefront texts (%s)", async (locale, text, button) => {
    const html = await render(BACKORDERED.id, { shop: { name: "S", domain: "s.myshopify.com", locale } });
    expect(etaText(html)).toBe(text);
    expect(html).toContain(`type="submit">${button}</button>`);
    expect(html).toContain(`name="locale" value="${locale}"`);
  });
});

describe("storefront dates", () => {
  const german = { name: "S", domain: "s.myshopify.com", locale: "de" };
  it.each([
    ["en", "2026-12-12", "Backordered: ships by 12 Dec"],
    ["en", "2027-01-15", "Backordered: ships by 15 Jan 2027"],
    ["de", "2026-12-20", "Nachbestellt: Versand bis 20. Dez."],
    ["de", "2027-03-02", "Nachbestellt: Versand bis 2. März 2027"],
    ["fr", "2027-02-01", "En réapprovisionnement\u00a0: expédié d&#39;ici le 1 févr. 2027"],
    ["es", "2026-09-30", "Bajo pedido: se envía antes del 30 sept"],
  ])("%s, ETA %s: %s", async (locale, eta, text) => {
    const variant = { ...BACKORDERED, metafields: { ...BACKORDERED.metafields, eta } };
    const html = await render(variant.id, {
      shop: { name: "S", domain: "s.myshopify.com", locale },
      product: { id: "1", title: "Wool Sweater", handle: "wool-sweater", variants: [variant] },
    });
    expect(etaText(html)).toBe(text);
  });

  it("keeps a merchant's chosen format, with month names in the storefront's language", async () => {
    const settings = (date_format: string) => ({ blockSettings: { "backorder-eta": { date_format } } });
    const de = (extra: Partial<RenderProductPageInput>) => render(BACKORDERED.id, { shop: german, ...extra });
    expect(etaText(await de(settings("%B %-d, %Y")))).toBe("Nachbestellt: Versand bis Dezember 12, 2026");
    expect(etaText(await de(settings("%-d %b")))).toBe("Nachbestellt: Versand bis 12 Dez.");
    // A format without a year gains one when the date is not in the current year.
    const later = await de({ ...settings("%b %-d"), now: () => new Date("2025-12-01T00:00:00Z") });
    expect(etaText(later)).toBe("Nachbestellt: Versand bis Dez. 12, 2026");
  });

  it("renders the German storefront of an English shop under /de (request locale over shop locale)", async () => {
    const html = await render(BACKORDERED.id, { locale: "de" });
    expect(etaText(html)).toBe("Nachbestellt: Versand bis 12. Dez.");
    expect(html).toContain('<html lang="de">');
    expect(html).toContain('action="/de/cart/add"');
    expect(html).toContain('data-property-name="Nachbestellung"');
    expect(html).toContain('data-tpl-property-until="Versand bis [date]"');
  });
});

describe("readExtensionAsset", () => {
  it.each([
    ["backorder.js", "text/javascript; charset=utf-8"],
    ["backorder.css", "text/css; charset=utf-8"],
  ])("serves %s", async (name, contentType) => {
    const asset = await readExtensionAsset(name);
    expect(asset?.contentType).toBe(contentType);
    expect(asset?.body.length).toBeGreaterThan(500);
  });

  it.each(["missing.js", "../blocks/notify-me.liquid", "..%2Fcheck.ts", "check.ts", ".hidden.js"])(
    "refuses %s",
    async (name) => {
      expect(await readExtensionAsset(name)).toBeNull();
    },
  );
});

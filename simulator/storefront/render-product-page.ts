import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Liquid } from "liquidjs";
import { createStorefrontLiquid, splitSchema } from "./create-storefront-liquid.ts";
import type { BlockSchema, Translations } from "./create-storefront-liquid.ts";
import { toLiquidProduct } from "./to-liquid-product.ts";
import type { StorefrontProduct } from "./to-liquid-product.ts";

export type { StorefrontProduct, StorefrontVariant } from "./to-liquid-product.ts";

export const DEFAULT_EXTENSION_ROOT = fileURLToPath(
  new URL("../../extensions/backorder-theme/", import.meta.url),
);

export type AppBlockName = "backorder-eta" | "notify-me";

export interface RenderProductPageInput {
  shop: { name: string; domain: string; locale: string };
  product: StorefrontProduct;
  /** As from `?variant=`; otherwise the first available variant is shown, as on Shopify. */
  selectedVariantId?: string;
  /** Merchant's theme-editor settings per block, over the schema defaults. */
  blockSettings?: Partial<Record<AppBlockName, Record<string, unknown>>>;
  /** Where `readExtensionAsset` is mounted, e.g. "/extensions/assets". */
  assetBaseUrl: string;
  extensionRoot?: string;
}

/**
 * A minimal Dawn-like product page with the app's two real theme blocks rendered from the
 * extension's files, so the simulator shows exactly what a shop would.
 */
export async function renderProductPage(input: RenderProductPageInput): Promise<string> {
  const root = input.extensionRoot ?? DEFAULT_EXTENSION_ROOT;
  const engine = createStorefrontLiquid({
    extensionRoot: root,
    translations: await loadTranslations(root, input.shop.locale),
    locale: input.shop.locale,
    assetBaseUrl: input.assetBaseUrl,
  });
  const product = toLiquidProduct(input.product, input.selectedVariantId);
  const scope = { product, shop: input.shop, request: { locale: { iso_code: input.shop.locale } } };

  const eta = await renderBlock(engine, root, "backorder-eta", scope, input.blockSettings);
  const notify = await renderBlock(engine, root, "notify-me", scope, input.blockSettings);
  const schemas = [eta.schema, notify.schema];
  const current = product.selected_or_first_available_variant;

  const page = await readFile(fileURLToPath(new URL("./product-page.liquid", import.meta.url)), "utf8");
  return engine.parseAndRender(page, {
    ...scope,
    current,
    blocks_before_form: eta.html,
    blocks_after_form: notify.html,
    // Shopify loads each block's schema assets once per page, deferred.
    scripts: unique(schemas.map((s) => s.javascript)).map((f) => `${input.assetBaseUrl}/${f}`),
    stylesheets: unique(schemas.map((s) => s.stylesheet)).map((f) => `${input.assetBaseUrl}/${f}`),
    page_variants: Object.fromEntries(
      product.variants.map((v) => [
        v.id,
        { price: `$${(v.price / 100).toFixed(2)}`, available: v.available },
      ]),
    ),
  });
}

async function renderBlock(
  engine: Liquid,
  root: string,
  name: AppBlockName,
  scope: { product: ReturnType<typeof toLiquidProduct> },
  overrides: RenderProductPageInput["blockSettings"],
): Promise<{ html: string; schema: BlockSchema }> {
  const { liquid, schema } = splitSchema(await readFile(join(root, "blocks", `${name}.liquid`), "utf8"));
  const settings: Record<string, unknown> = {};
  for (const setting of schema.settings ?? []) {
    if (!setting.id) continue;
    // An autofilled product setting is bound to the page's product, like the theme editor does.
    settings[setting.id] = setting.type === "product" ? scope.product : (setting.default ?? null);
  }
  Object.assign(settings, overrides?.[name]);
  const block = { id: `${name.replace(/-/g, "_")}_1`, settings, shopify_attributes: "" };
  return { html: await engine.parseAndRender(liquid, { ...scope, block }), schema };
}

async function loadTranslations(root: string, locale: string): Promise<Translations[]> {
  const language = locale.split("-")[0] ?? locale;
  const files = [...new Set([`${locale}.json`, `${language}.json`])];
  const found: Translations[] = [];
  for (const file of files) {
    const parsed = await readJsonIfExists(join(root, "locales", file));
    if (parsed) found.push(parsed);
  }
  const fallback = await readJsonIfExists(join(root, "locales", "en.default.json"));
  return fallback ? [...found, fallback] : found;
}

async function readJsonIfExists(path: string): Promise<Translations | null> {
  try {
    return JSON.parse(await readFile(path, "utf8")) as Translations;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

function unique(values: Array<string | undefined>): string[] {
  return [...new Set(values.filter((v): v is string => Boolean(v)))];
}

import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Liquid } from "liquidjs";
import { createStorefrontLiquid, splitSchema } from "./create-storefront-liquid.ts";
import type { BlockSchema, Translations } from "./create-storefront-liquid.ts";
import { themeStrings } from "./theme-strings.ts";

export const DEFAULT_EXTENSION_ROOT = fileURLToPath(
  new URL("../../extensions/backorder-theme/", import.meta.url),
);

const COUNTRY_OF_LOCALE: Record<string, string> = { en: "US", de: "DE", fr: "FR", es: "ES" };

export type AppBlockName = "backorder-eta" | "notify-me" | "backorder-cart";

/** Merchant's theme-editor settings per block, over the schema defaults. */
export type BlockSettings = Partial<Record<AppBlockName, Record<string, unknown>>>;

export interface StorefrontPageInput {
  shop: {
    name: string;
    domain: string;
    locale: string;
    /** The shop's metafields by namespace (`$app` for the app's own). */
    metafields?: Record<string, Record<string, { type: string; value: unknown }>>;
  };
  /** The request's language (`/de/...`); the shop's primary locale otherwise. */
  locale?: string;
  blockSettings?: BlockSettings;
  /** Where `readExtensionAsset` is mounted, e.g. "/extensions/assets". */
  assetBaseUrl: string;
  extensionRoot?: string;
  /** The clock behind `'now'` in Liquid; tests pin it. */
  now?: () => Date;
}

export interface RenderedBlock {
  html: string;
  schema: BlockSchema;
}

/**
 * What every storefront page shares: the Liquid engine in the request's language, the globals
 * Shopify gives every template (`shop`, `request.locale`, `routes`), and app blocks rendered from
 * the extension's own files.
 */
export async function createPageRenderer(input: StorefrontPageInput) {
  const root = input.extensionRoot ?? DEFAULT_EXTENSION_ROOT;
  const locale = input.locale ?? input.shop.locale;
  const engine = createStorefrontLiquid({
    extensionRoot: root,
    translations: await loadTranslations(root, locale),
    locale,
    assetBaseUrl: input.assetBaseUrl,
    ...(input.now ? { now: input.now } : {}),
  });
  // Shopify serves alternate languages under a subfolder: /de/cart, /de/cart/add.
  const prefix = locale === input.shop.locale ? "" : `/${locale}`;
  const globals = {
    shop: input.shop,
    request: { locale: { iso_code: locale } },
    // The storefront's country (Shopify: the buyer's localized market); the notify-me block sends it.
    localization: { country: { iso_code: COUNTRY_OF_LOCALE[locale] ?? "US" } },
    routes: { root_url: prefix || "/", cart_url: `${prefix}/cart`, cart_add_url: `${prefix}/cart/add` },
  };
  return {
    engine,
    globals,
    renderBlock: (name: AppBlockName, scope: Record<string, unknown>) =>
      renderBlock(engine, root, name, { ...globals, ...scope }, input.blockSettings),
    /** Shopify loads each block's schema assets once per page, deferred. */
    assetsOf: (schemas: BlockSchema[]) => ({
      scripts: unique(schemas.map((s) => s.javascript)).map((f) => `${input.assetBaseUrl}/${f}`),
      stylesheets: unique(schemas.map((s) => s.stylesheet)).map((f) => `${input.assetBaseUrl}/${f}`),
    }),
    renderPage: async (file: string, scope: Record<string, unknown>) =>
      engine.parseAndRender(await readFile(fileURLToPath(new URL(file, import.meta.url)), "utf8"), {
        ...globals,
        theme: themeStrings(locale),
        ...scope,
      }),
  };
}

async function renderBlock(
  engine: Liquid,
  root: string,
  name: AppBlockName,
  scope: Record<string, unknown>,
  overrides: BlockSettings | undefined,
): Promise<RenderedBlock> {
  const { liquid, schema } = splitSchema(await readFile(join(root, "blocks", `${name}.liquid`), "utf8"));
  const settings: Record<string, unknown> = {};
  for (const setting of schema.settings ?? []) {
    if (!setting.id) continue;
    // An autofilled product setting is bound to the page's product, like the theme editor does.
    settings[setting.id] = setting.type === "product" ? (scope.product ?? null) : (setting.default ?? null);
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

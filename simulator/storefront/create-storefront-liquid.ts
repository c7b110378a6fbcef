import { Liquid } from "liquidjs";
import { join } from "node:path";
import { escapeHtml } from "./escape-html.ts";

export type Translations = Record<string, unknown>;

export interface StorefrontLiquidOptions {
  extensionRoot: string;
  /** Storefront locale file of the shop's language, then the extension's default one. */
  translations: Translations[];
  locale: string;
  assetBaseUrl: string;
  currencySymbol?: string;
  /** The clock behind `'now' | date` (tests pin it); the real time otherwise. */
  now?: () => Date;
}

/**
 * A liquidjs engine with the slice of Shopify's Liquid the app blocks use. `render` resolves
 * snippets from the extension, so blocks run exactly as shipped. Shopify renders dates in the
 * shop's zone; a `date` metafield has no time, so UTC keeps the calendar day. Shopify's `date`
 * filter is Ruby's strftime: `%b`/`%B` name months in English whatever the storefront language,
 * so the engine's locale is pinned to English rather than the machine's.
 */
export function createStorefrontLiquid(options: StorefrontLiquidOptions): Liquid {
  const engine = new Liquid({
    root: join(options.extensionRoot, "snippets"),
    partials: join(options.extensionRoot, "snippets"),
    extname: ".liquid",
    timezoneOffset: 0,
    ownPropertyOnly: true,
    strictFilters: true,
    locale: "en-US",
  });
  const builtin = engine.filters.date;
  const builtinDate = typeof builtin === "function" ? builtin : builtin?.handler;
  if (!builtinDate) throw new Error("liquidjs has no date filter");
  const now = options.now ?? (() => new Date());
  engine.registerFilter("date", function (this: unknown, value: unknown, ...args: unknown[]) {
    const input = value === "now" || value === "today" ? now() : value;
    return (builtinDate as (...a: unknown[]) => unknown).apply(this, [input, ...args]);
  });

  engine.registerFilter("t", (key: string, ...args: unknown[]) =>
    translate(options, String(key), Object.fromEntries(args.filter(isKeywordArg))),
  );
  engine.registerFilter("json", toScriptSafeJson);
  engine.registerFilter("asset_url", (name: string) => `${options.assetBaseUrl}/${encodeURIComponent(name)}`);
  engine.registerFilter("money", (cents: number) => {
    const amount = (Number(cents) / 100).toFixed(2);
    return `${options.currencySymbol ?? "$"}${amount}`;
  });
  return engine;
}

/** Strips `{% schema %}` (Shopify never renders it) and returns its JSON alongside. */
export function splitSchema(source: string): { liquid: string; schema: BlockSchema } {
  const pattern = /\{%-?\s*schema\s*-?%\}([\s\S]*?)\{%-?\s*endschema\s*-?%\}/;
  const match = pattern.exec(source);
  return {
    liquid: source.replace(pattern, ""),
    schema: match?.[1] ? (JSON.parse(match[1]) as BlockSchema) : { name: "", settings: [] },
  };
}

export interface BlockSchema {
  name: string;
  javascript?: string;
  stylesheet?: string;
  settings?: Array<{ id?: string; type: string; default?: unknown }>;
}

// Like Shopify: missing keys say so visibly, and output is HTML-escaped unless the key ends in `_html`.
function translate(options: StorefrontLiquidOptions, key: string, vars: Record<string, unknown>): string {
  const found = options.translations.map((t) => lookup(t, key)).find((v) => typeof v === "string");
  if (found === undefined) return `translation missing: ${options.locale}.${key}`;
  const html = key.endsWith("_html");
  const text = found.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => {
    const value = String(vars[name] ?? "");
    return html ? escapeHtml(value) : value;
  });
  return html ? text : escapeHtml(text);
}

function lookup(translations: Translations, key: string): unknown {
  let node: unknown = translations;
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

function isKeywordArg(arg: unknown): arg is [string, unknown] {
  return Array.isArray(arg) && arg.length === 2 && typeof arg[0] === "string";
}

// Output lands inside <script> tags: escaping <, > and & keeps `</script>` in data from closing them.
function toScriptSafeJson(value: unknown): string {
  return JSON.stringify(value ?? null).replace(/[<>&\u2028\u2029]/g, (c) => {
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
  });
}

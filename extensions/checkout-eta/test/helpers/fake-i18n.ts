// Shopify's translate() semantics over the real locale files: nested keys, a plural
// form chosen by Intl.PluralRules on `count`, `{{name}}` interpolation. Strict: a
// missing key, plural form or replacement throws instead of rendering a fallback.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { EtaI18n, TranslateOptions } from "../../src/api/eta-api.ts";

export type LocaleTree = { [key: string]: string | LocaleTree };
export const LOCALES = ["en", "fr", "de", "es"] as const;
export type Locale = (typeof LOCALES)[number];

const localesDir = join(import.meta.dirname, "..", "..", "locales");

export function localeFile(locale: Locale): string {
  return join(localesDir, locale === "en" ? "en.default.json" : `${locale}.json`);
}

export function loadLocale(locale: Locale): LocaleTree {
  return JSON.parse(readFileSync(localeFile(locale), "utf8")) as LocaleTree;
}

export function createFakeI18n(locale: Locale): EtaI18n & { readonly calls: string[] } {
  const tree = loadLocale(locale);
  const calls: string[] = [];
  return {
    calls,
    translate(key: string, options: TranslateOptions = {}): string {
      calls.push(key);
      let entry: string | LocaleTree | undefined = tree;
      for (const part of key.split(".")) entry = typeof entry === "object" ? entry[part] : undefined;
      if (typeof entry === "object" && typeof options.count === "number") {
        entry = entry[new Intl.PluralRules(locale).select(options.count)];
      }
      if (typeof entry !== "string") throw new Error(`no ${locale} translation for ${key}`);
      return entry.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
        const value = options[name];
        if (value === undefined) throw new Error(`${key} needs {{${name}}}`);
        return String(value);
      });
    },
  };
}

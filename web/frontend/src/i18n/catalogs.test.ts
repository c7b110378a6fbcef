import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ADMIN_LANGUAGES } from "./choose-locale.ts";

// The admin's catalogs (docs/admin-i18n.md): the same strings in every language, none empty, each
// with the same placeholders and markup, and every plural form the language's grammar asks for.
const DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "locales");
const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(node: unknown, prefix = "", out = new Map<string, string>()): Map<string, string> {
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === "object") flatten(value, name, out);
    else out.set(name, value as string);
  }
  return out;
}

const catalogs = new Map(
  ADMIN_LANGUAGES.map((lang) => [
    lang,
    flatten(JSON.parse(fs.readFileSync(path.join(DIR, `${lang}.json`), "utf8"))),
  ]),
);
const base = (key: string) => key.replace(PLURAL, "");
/** Placeholders ({{name}}) and markup (<code>) of a string, sorted. */
const tokens = (text: string) => (text.match(/\{\{\s*[\w.]+\s*\}\}|<\/?\w+\s*\/?>/g) ?? []).sort();

describe("admin catalogs", () => {
  const en = catalogs.get("en")!;

  it("has one catalog per admin language and no other", () => {
    expect(fs.readdirSync(DIR).sort()).toEqual(ADMIN_LANGUAGES.map((l) => `${l}.json`).sort());
    expect(en.size).toBeGreaterThan(400);
  });

  it.each(ADMIN_LANGUAGES)(
    "%s: the same strings as English, each plural with its language's forms",
    (lang) => {
      const catalog = catalogs.get(lang)!;
      expect([...new Set([...catalog.keys()].map(base))].sort()).toEqual(
        [...new Set([...en.keys()].map(base))].sort(),
      );
      const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
      for (const plural of new Set([...en.keys()].filter((k) => PLURAL.test(k)).map(base))) {
        const forms = [...catalog.keys()].filter((k) => base(k) === plural && PLURAL.test(k));
        expect(forms.map((k) => PLURAL.exec(k)![1]).sort(), plural).toEqual([...categories].sort());
      }
    },
  );

  it.each(ADMIN_LANGUAGES)("%s: no empty string, and the placeholders and markup of English", (lang) => {
    const catalog = catalogs.get(lang)!;
    for (const [key, text] of catalog) {
      expect(text.trim(), key).not.toBe("");
      const english = en.get(key) ?? en.get(`${base(key)}_other`)!;
      // A singular may say "one" instead of its count; every other token must be there.
      const expected = tokens(english).filter((t) => !(key.endsWith("_one") && /\{\{\s*n\s*\}\}/.test(t)));
      const actual = tokens(text).filter((t) => !(key.endsWith("_one") && /\{\{\s*n\s*\}\}/.test(t)));
      expect(actual, `${lang} ${key}`).toEqual(expected);
    }
  });

  it("is translated: most strings differ from English", () => {
    for (const lang of ADMIN_LANGUAGES.filter((l) => l !== "en")) {
      const catalog = catalogs.get(lang)!;
      const same = [...catalog].filter(([key, text]) => en.get(key) === text).length;
      expect(same / catalog.size, lang).toBeLessThan(0.1);
    }
  });

  it("fr: a non-breaking space before : ; ! ? (French typography), outside <code>", () => {
    const fr = catalogs.get("fr")!;
    const glued = [...fr]
      .map(([key, text]) => [key, text.replace(/<code>.*?<\/code>/g, "")] as const)
      .filter(([, text]) => /(^|[^\u00a0\u202f])[:;!?]/.test(text))
      .map(([key, text]) => `${key}: ${text}`);
    expect(glued).toEqual([]);
  });
});

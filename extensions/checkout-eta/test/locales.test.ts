import { describe, expect, it } from "vitest";
import { LOCALES, loadLocale, type LocaleTree } from "./helpers/fake-i18n.ts";

const PLURAL_KEYS = new Set(["zero", "one", "two", "few", "many", "other"]);

/** Leaf key -> text; a plural group becomes one entry per form. */
function flatten(tree: LocaleTree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

function messageKeys(tree: LocaleTree): string[] {
  return [...flatten(tree).keys()]
    .map((key) =>
      key
        .split(".")
        .filter((part) => !PLURAL_KEYS.has(part))
        .join("."),
    )
    .sort();
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();

describe("locales", () => {
  const en = loadLocale("en");

  it.each(LOCALES)("%s has the same messages as en", (locale) => {
    expect([...new Set(messageKeys(loadLocale(locale)))]).toEqual([...new Set(messageKeys(en))]);
  });

  it.each(LOCALES)(
    "%s has every plural form its language needs, with the same placeholders as en",
    (locale) => {
      const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
      const flat = flatten(loadLocale(locale));
      const enFlat = flatten(en);
      for (const [key, enText] of enFlat) {
        const base = key.replace(/\.(one|other)$/, "");
        const isPlural = base !== key;
        const forms = isPlural ? categories.map((category) => `${base}.${category}`) : [key];
        for (const form of forms) {
          const text = flat.get(form);
          expect(text, `${locale} ${form}`).toBeTypeOf("string");
          expect(placeholders(text as string), `${locale} ${form}`).toEqual(placeholders(enText));
        }
      }
    },
  );
});

import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";

// French puts a non-breaking space before : ; ! and ? so a line never starts with one. The admin's
// catalog is checked by web/frontend/src/i18n/catalogs.test.ts; these are the shopper's words.
const FRENCH_LOCALES = [
  "extensions/backorder-theme/locales/fr.json",
  "extensions/backorder-theme/locales/fr.schema.json",
  "extensions/checkout-eta/locales/fr.json",
];

function strings(node: unknown, path = ""): [string, string][] {
  if (typeof node === "string") return [[path, node]];
  if (node === null || typeof node !== "object") return [];
  return Object.entries(node).flatMap(([key, value]) => strings(value, path ? `${path}.${key}` : key));
}

describe("the storefront's and checkout's French", () => {
  it.each(FRENCH_LOCALES)("%s: a non-breaking space before : ; ! ?", async (file) => {
    const all = strings(JSON.parse(await readFile(file, "utf8")));
    expect(all.length).toBeGreaterThan(5);
    // Not inside a Liquid or ICU placeholder ({{ date }}), nor a URL's "https:".
    const glued = all
      .map(([key, text]) => [key, text.replace(/\{\{.*?\}\}|https?:\/\/\S+/g, "")] as const)
      .filter(([, text]) => /(^|[^\u00a0\u202f])[:;!?]/.test(text))
      .map(([key, text]) => `${key}: ${text}`);
    expect(glued).toEqual([]);
  });
});

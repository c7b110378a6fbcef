import { describe, expect, it } from "vitest";
import { resolveLocale, resolvePageLocale, supportedLocales } from "./resolve-locale.ts";

describe("resolveLocale", () => {
  it.each([
    ["en", "en"],
    ["fr", "fr"],
    ["de", "de"],
    ["es", "es"],
    ["fr-CA", "fr"],
    ["FR-ca", "fr"],
    ["de_AT", "de"],
    ["es-419", "es"],
    [" es ", "es"],
    ["en-US", "en"],
    ["pt", "en"],
    ["pt-BR", "en"],
    ["", "en"],
    [null, "en"],
    [undefined, "en"],
    ["french", "en"],
  ])("%j -> %s", (requested, expected) => {
    expect(resolveLocale(requested)).toBe(expected);
  });

  it("lists the four locales the copy is written in", () => {
    expect([...supportedLocales].sort()).toEqual(["de", "en", "es", "fr"]);
  });

  it("a page from an email speaks the email's locale, else the browser's, else English", () => {
    expect(resolvePageLocale("de", "fr")).toBe("de");
    expect(resolvePageLocale("fr-CA", false)).toBe("fr");
    // The email was in English (no copy in Portuguese): so is its page.
    expect(resolvePageLocale("pt-BR", "es")).toBe("en");
    expect(resolvePageLocale(null, "es")).toBe("es");
    expect(resolvePageLocale(" ", "de")).toBe("de");
    expect(resolvePageLocale(undefined, false)).toBe("en");
  });
});

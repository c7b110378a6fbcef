import { describe, expect, it } from "vitest";
import { resolveLocale, supportedLocales } from "./resolve-locale.ts";

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
});

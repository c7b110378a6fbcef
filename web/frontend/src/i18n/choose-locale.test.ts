import { describe, expect, it } from "vitest";
import { chooseLocale } from "./choose-locale.ts";

describe("chooseLocale", () => {
  it.each([
    ["fr", "en-US", { language: "fr", formatLocale: "fr" }],
    ["fr-CA", "en-US", { language: "fr", formatLocale: "fr-CA" }],
    ["de_DE", undefined, { language: "de", formatLocale: "de-DE" }],
    ["es-MX", "de", { language: "es", formatLocale: "es-MX" }],
    [undefined, "de-AT", { language: "de", formatLocale: "de-AT" }],
    [null, "en-GB", { language: "en", formatLocale: "en-GB" }],
    ["ja", "fr", { language: "en", formatLocale: "en" }],
    ["pt-BR", undefined, { language: "en", formatLocale: "en" }],
    ["not a locale!", "es", { language: "es", formatLocale: "es" }],
    [undefined, undefined, { language: "en", formatLocale: "en" }],
  ] as const)("App Bridge %s, browser %s", (appBridge, browser, expected) => {
    expect(chooseLocale(appBridge, browser)).toEqual(expected);
  });
});

import { describe, expect, it } from "vitest";
import { createFormats } from "./format.ts";

// ICU separates with no-break spaces in some locales; compare with plain spaces.
const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, " ");

describe("createFormats", () => {
  it("formats money in the admin's locale and the shop's currency", () => {
    expect(plain(createFormats({ locale: "fr", currency: "EUR" }).money(89))).toBe("89,00 €");
    expect(createFormats({ locale: "en-US", currency: "USD" }).money(89)).toBe("$89.00");
    expect(plain(createFormats({ locale: "de", currency: "USD" }).money(1234.5))).toBe("1.234,50 $");
    // An amount that carries its own currency keeps it.
    expect(createFormats({ locale: "en-GB", currency: "USD" }).money(5, "GBP")).toBe("£5.00");
    expect(createFormats({ locale: "en" }).money(5)).toBe("5");
  });

  it("keeps a calendar date on its day and shows moments in the shop's time zone", () => {
    const fr = createFormats({ locale: "fr", timeZone: "Pacific/Auckland" });
    expect(fr.date("2030-01-15")).toBe("15 janv. 2030");
    // 23:30 UTC on 31 Dec is already 1 Jan in Auckland.
    expect(fr.date("2029-12-31T23:30:00Z")).toBe("1 janv. 2030");
    expect(plain(fr.dateTime("2029-12-31T23:30:00Z"))).toBe("1 janv. 2030, 12:30");
    expect(createFormats({ locale: "en-GB", timeZone: "UTC" }).date("2030-01-15")).toBe("15 Jan 2030");
  });

  it("names languages in the admin's language", () => {
    expect(createFormats({ locale: "fr-CA" }).language("de")).toBe("Allemand");
    expect(createFormats({ locale: "en-GB" }).language("fr")).toBe("French");
  });

  it("survives a bad time zone or locale, and shows a dash for nothing", () => {
    const f = createFormats({ locale: "xx_!!", timeZone: "Not/AZone" });
    expect(f.number(null)).toBe("—");
    expect(f.date(null)).toBe("—");
    expect(f.dateTime("nonsense")).toBe("nonsense");
    expect(createFormats({ locale: "es" }).percent(0.125)).toMatch(/^12,5\s%$/);
  });
});

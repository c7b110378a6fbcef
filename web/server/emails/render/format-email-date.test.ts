import { describe, expect, it } from "vitest";
import { formatEmailDate } from "./format-email-date.ts";
import type { DateStyle } from "./format-email-date.ts";

describe("formatEmailDate", () => {
  it.each<[unknown, string, DateStyle | undefined, string | null]>([
    ["2026-12-12", "en", undefined, "12 Dec 2026"],
    ["2026-12-12", "fr", undefined, "12 déc. 2026"],
    ["2026-12-12", "de", undefined, "12. Dez. 2026"],
    ["2026-12-12", "es", undefined, "12 dic 2026"],
    ["2026-12-12", "fr-CA", undefined, "12 déc. 2026"],
    ["2026-12-12", "pt", undefined, "12 Dec 2026"],
    ["2026-12-12", "en", "long", "12 December 2026"],
    ["2026-12-12", "es", "long", "12 de diciembre de 2026"],
    // A date-only ETA must not move a day whatever the server's time zone.
    ["2026-01-01", "en", undefined, "1 Jan 2026"],
    ["2026-12-12T23:30:00Z", "en", undefined, "12 Dec 2026"],
    [new Date("2026-03-05T00:00:00Z"), "de", undefined, "5. März 2026"],
    [null, "en", undefined, null],
    [undefined, "en", undefined, null],
    ["", "en", undefined, null],
    ["not a date", "en", undefined, null],
    [new Date("nope"), "en", undefined, null],
    [42, "en", undefined, null],
  ])("%j in %s (%s) -> %j", (value, locale, style, expected) => {
    expect(formatEmailDate(value, locale, style)).toBe(expected);
  });
});

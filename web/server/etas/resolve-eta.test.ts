import { describe, expect, it } from "vitest";
import { calendarDate, isValidIsoDate, resolveEta } from "./resolve-eta.ts";
import type { ResolveEtaInput, ResolvedEta } from "./resolve-eta.ts";

// 2026-12-01 23:30 UTC: already 2 December in Tokyo, still 1 December in New York.
const NOW = new Date("2026-12-01T23:30:00Z");

describe("resolveEta", () => {
  it.each<[string, Omit<ResolveEtaInput, "now">, ResolvedEta]>([
    [
      "explicit date beats both lead times",
      {
        variantEta: { etaDate: "2026-12-15", message: "Ships from Lyon" },
        productLeadTimeDays: 3,
        shopLeadTimeDays: 7,
      },
      {
        eta: "2026-12-15",
        message: "Ships from Lyon",
        source: "variant",
        overdue: false,
        shopperEta: "2026-12-15",
      },
    ],
    [
      "product lead time beats shop lead time",
      { variantEta: { etaDate: null, message: null }, productLeadTimeDays: 3, shopLeadTimeDays: 7 },
      { eta: "2026-12-04", message: null, source: "product", overdue: false, shopperEta: "2026-12-04" },
    ],
    [
      "shop lead time when nothing else is set",
      { productLeadTimeDays: null, shopLeadTimeDays: 7 },
      { eta: "2026-12-08", message: null, source: "shop", overdue: false, shopperEta: "2026-12-08" },
    ],
    [
      "none when no rule applies, message kept",
      { variantEta: { etaDate: null, message: "  Call us  " } },
      { eta: null, message: "Call us", source: "none", overdue: false, shopperEta: null },
    ],
    [
      "past explicit date is overdue and hidden from shoppers",
      { variantEta: { etaDate: "2026-11-30", message: null }, shopLeadTimeDays: 7 },
      { eta: "2026-11-30", message: null, source: "variant", overdue: true, shopperEta: null },
    ],
    [
      "explicit date equal to today is not overdue",
      { variantEta: { etaDate: "2026-12-01", message: null } },
      { eta: "2026-12-01", message: null, source: "variant", overdue: false, shopperEta: "2026-12-01" },
    ],
    [
      "today counts in the shop timezone (Tokyo is a day ahead)",
      { variantEta: { etaDate: "2026-12-01", message: null }, timezone: "Asia/Tokyo" },
      { eta: "2026-12-01", message: null, source: "variant", overdue: true, shopperEta: null },
    ],
    [
      "lead time counts from the shop's today (Tokyo)",
      { shopLeadTimeDays: 1, timezone: "Asia/Tokyo" },
      { eta: "2026-12-03", message: null, source: "shop", overdue: false, shopperEta: "2026-12-03" },
    ],
    [
      "lead time counts from the shop's today (New York)",
      { shopLeadTimeDays: 1, timezone: "America/New_York" },
      { eta: "2026-12-02", message: null, source: "shop", overdue: false, shopperEta: "2026-12-02" },
    ],
    [
      "zero lead time means today",
      { productLeadTimeDays: 0, shopLeadTimeDays: 9 },
      { eta: "2026-12-01", message: null, source: "product", overdue: false, shopperEta: "2026-12-01" },
    ],
    [
      "lead time crosses a year end",
      { shopLeadTimeDays: 45 },
      { eta: "2027-01-15", message: null, source: "shop", overdue: false, shopperEta: "2027-01-15" },
    ],
    [
      "impossible explicit date falls through to the product",
      { variantEta: { etaDate: "2026-02-30", message: null }, productLeadTimeDays: 2 },
      { eta: "2026-12-03", message: null, source: "product", overdue: false, shopperEta: "2026-12-03" },
    ],
    [
      "negative and fractional lead times count as unset",
      { productLeadTimeDays: -1, shopLeadTimeDays: 1.5 },
      { eta: null, message: null, source: "none", overdue: false, shopperEta: null },
    ],
    [
      "blank message becomes null",
      { variantEta: { etaDate: "2026-12-15", message: "   " } },
      { eta: "2026-12-15", message: null, source: "variant", overdue: false, shopperEta: "2026-12-15" },
    ],
  ])("%s", (_name, input, expected) => {
    expect(resolveEta({ ...input, now: NOW })).toEqual(expected);
  });

  it("rejects an unknown timezone loudly", () => {
    expect(() => resolveEta({ now: NOW, timezone: "Mars/Olympus" })).toThrow(RangeError);
  });
});

describe("isValidIsoDate", () => {
  it.each([
    ["2026-12-15", true],
    ["2028-02-29", true],
    ["2026-02-29", false],
    ["2026-13-01", false],
    ["2026-1-01", false],
    ["15/12/2026", false],
  ])("%s -> %s", (value, valid) => {
    expect(isValidIsoDate(value)).toBe(valid);
  });
});

describe("calendarDate", () => {
  it.each([
    ["UTC", "2026-12-01"],
    ["Asia/Tokyo", "2026-12-02"],
    ["Pacific/Honolulu", "2026-12-01"],
  ])("%s", (timezone, expected) => {
    expect(calendarDate(NOW, timezone)).toBe(expected);
  });

  it("turns at the zone's midnight, also inside a minute already asked about (Kathmandu, +05:45)", () => {
    // 18:14:59.999 UTC is 23:59:59.999 in Kathmandu; 18:15:00 is midnight there.
    expect(calendarDate(new Date("2026-12-01T18:14:00.000Z"), "Asia/Kathmandu")).toBe("2026-12-01");
    expect(calendarDate(new Date("2026-12-01T18:14:59.999Z"), "Asia/Kathmandu")).toBe("2026-12-01");
    expect(calendarDate(new Date("2026-12-01T18:15:00.000Z"), "Asia/Kathmandu")).toBe("2026-12-02");
    expect(calendarDate(new Date("2026-12-01T18:14:30.000Z"), "Asia/Kathmandu")).toBe("2026-12-01");
  });

  it("throws for an unknown zone every time", () => {
    expect(() => calendarDate(NOW, "Mars/Olympus")).toThrow(RangeError);
    expect(() => calendarDate(NOW, "Mars/Olympus")).toThrow(RangeError);
  });
});

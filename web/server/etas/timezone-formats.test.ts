import { describe, expect, it } from "vitest";
import { dateFormatFor, validTimezone } from "./timezone-formats.ts";

describe("validTimezone", () => {
  it.each([
    ["Europe/Paris", "Europe/Paris"],
    ["Pacific/Honolulu", "Pacific/Honolulu"],
    ["UTC", "UTC"],
    [null, "UTC"],
    ["", "UTC"],
    // Shopify's display name, stored until the shop is synced
    ["(GMT-05:00) Eastern Time (US & Canada)", "UTC"],
    ["Mars/Olympus_Mons", "UTC"],
  ])("%s -> %s (twice, the second from the cache)", (zone, expected) => {
    expect(validTimezone(zone)).toBe(expected);
    expect(validTimezone(zone)).toBe(expected);
  });
});

describe("dateFormatFor", () => {
  it("reuses one formatter per zone and throws for an unknown zone every time", () => {
    expect(dateFormatFor("Asia/Tokyo")).toBe(dateFormatFor("Asia/Tokyo"));
    expect(() => dateFormatFor("Nowhere/Land")).toThrow(RangeError);
    expect(() => dateFormatFor("Nowhere/Land")).toThrow(RangeError);
  });
});

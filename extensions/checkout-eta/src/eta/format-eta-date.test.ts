import { describe, expect, it } from "vitest";
import { formatEtaDate, pickDateLocale, todayIn, usableEta } from "./format-eta-date.ts";

describe("formatEtaDate", () => {
  it.each<[string, string, string, string]>([
    ["2026-12-12", "en", "2026-11-21", "Dec 12"],
    ["2026-12-12", "en-GB", "2026-11-21", "12 Dec"],
    ["2026-12-12", "fr", "2026-11-21", "12 déc."],
    ["2026-12-12", "fr-CA", "2026-11-21", "12 déc."],
    ["2026-12-12", "de", "2026-11-21", "12. Dez."],
    ["2026-12-12", "es", "2026-11-21", "12 dic"],
    ["2027-01-05", "en", "2026-11-21", "Jan 5, 2027"],
    ["2027-01-05", "de", "2026-12-30", "5. Jan. 2027"],
    // A calendar date never shifts with the machine's zone: Jan 1 stays Jan 1.
    ["2027-01-01", "en-GB", "2026-12-31", "1 Jan 2027"],
  ])("%s in %s (today %s) -> %s", (eta, locale, today, expected) => {
    expect(formatEtaDate(eta, locale, today)).toBe(expected);
  });
});

describe("pickDateLocale", () => {
  it.each<[string, string, string]>([
    ["fr-CA", "fr", "fr-CA"],
    ["en-GB", "en", "en-GB"],
    ["de-AT", "de", "de-AT"],
    ["it-IT", "en", "en"],
    ["", "es", "es"],
    ["not a locale!", "en", "en"],
    ["en-US", "en", "en-US"],
  ])("buyer %j, text %j -> %j", (buyer, text, expected) => {
    expect(pickDateLocale(buyer, text)).toBe(expected);
  });
});

describe("todayIn", () => {
  it.each<[string, string | undefined, string]>([
    ["2026-11-21T12:00:00Z", undefined, "2026-11-21"],
    ["2026-11-21T23:30:00Z", "Europe/Paris", "2026-11-22"],
    ["2026-11-21T03:00:00Z", "America/Los_Angeles", "2026-11-20"],
    ["2026-11-21T23:30:00Z", "Not/AZone", "2026-11-21"],
  ])("%s in %s -> %s", (now, zone, expected) => {
    expect(todayIn(new Date(now), zone)).toBe(expected);
  });
});

describe("usableEta", () => {
  it.each<[string | undefined, string, string | undefined]>([
    ["2026-12-12", "2026-11-21", "2026-12-12"],
    ["2026-11-21", "2026-11-21", "2026-11-21"],
    ["2026-11-20", "2026-11-21", undefined],
    [undefined, "2026-11-21", undefined],
  ])("%j with today %s -> %j", (eta, today, expected) => {
    expect(usableEta(eta, today)).toBe(expected);
  });
});

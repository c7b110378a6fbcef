import { describe, expect, it } from "vitest";
import {
  decideSellingPolicy,
  isOutsideWindow,
  nextWindowEdge,
  type SellingPolicyInput,
  type SellingWindow,
} from "./decide-selling-policy.ts";

const now = new Date("2026-12-01T12:00:00Z");
const base: SellingPolicyInput = {
  cap: null,
  openBackorderedUnits: 0,
  window: null,
  eta: null,
  now,
  currentPolicy: "CONTINUE",
  switchedByApp: false,
};
const dates = (startsAt: string | null, endsAt: string | null): SellingWindow => ({
  startsAt: startsAt ? new Date(startsAt) : null,
  endsAt: endsAt ? new Date(endsAt) : null,
  etaWithinDays: null,
});
const etaWithin = (days: number): SellingWindow => ({ startsAt: null, endsAt: null, etaWithinDays: days });

describe("decideSellingPolicy", () => {
  it.each<[string, Partial<SellingPolicyInput>, string, string | null]>([
    ["no controls: nothing to do", {}, "none", null],
    ["below the cap keeps selling", { cap: 3, openBackorderedUnits: 2 }, "none", null],
    ["reaching the cap stops selling", { cap: 3, openBackorderedUnits: 3 }, "deny", "cap"],
    ["over the cap stops selling", { cap: 3, openBackorderedUnits: 7 }, "deny", "cap"],
    ["negative units count as none", { cap: 1, openBackorderedUnits: -4 }, "none", null],
    [
      "app-held variant below the cap again is released",
      { cap: 3, openBackorderedUnits: 1, currentPolicy: "DENY", switchedByApp: true },
      "continue",
      null,
    ],
    [
      "app-held variant still at the cap stays",
      { cap: 3, openBackorderedUnits: 3, currentPolicy: "DENY", switchedByApp: true },
      "none",
      "cap",
    ],
    [
      "a merchant's DENY is never released",
      { cap: 3, openBackorderedUnits: 0, currentPolicy: "DENY", switchedByApp: false },
      "none",
      null,
    ],
    [
      "a merchant's DENY is left alone when blocked too",
      { cap: 3, openBackorderedUnits: 5, currentPolicy: "DENY", switchedByApp: false },
      "none",
      "cap",
    ],
    [
      "a merchant who re-enabled selling while blocked wins",
      { cap: 3, openBackorderedUnits: 4, merchantOverride: true },
      "none",
      "cap",
    ],
    ["before the window opens", { window: dates("2026-12-02T00:00:00Z", null) }, "deny", "window"],
    ["inside the window", { window: dates("2026-12-01T00:00:00Z", "2026-12-02T00:00:00Z") }, "none", null],
    ["after the window closed", { window: dates(null, "2026-12-01T12:00:00Z") }, "deny", "window"],
    [
      "window opened: the app's DENY is released",
      { window: dates("2026-12-01T12:00:00Z", null), currentPolicy: "DENY", switchedByApp: true },
      "continue",
      null,
    ],
    [
      "ETA within the horizon",
      { window: etaWithin(14), eta: new Date("2026-12-10T00:00:00Z") },
      "none",
      null,
    ],
    [
      "ETA beyond the horizon",
      { window: etaWithin(14), eta: new Date("2026-12-20T00:00:00Z") },
      "deny",
      "window",
    ],
    ["unknown ETA with a horizon", { window: etaWithin(14), eta: null }, "deny", "window"],
    [
      "cap is reported before the window",
      { cap: 1, openBackorderedUnits: 1, window: dates(null, "2026-11-01T00:00:00Z") },
      "deny",
      "cap",
    ],
  ])("%s", (_name, patch, action, blockedBy) => {
    expect(decideSellingPolicy({ ...base, ...patch })).toEqual({ action, blockedBy });
  });
});

describe("isOutsideWindow / nextWindowEdge", () => {
  const window = dates("2026-12-01T10:00:00Z", "2026-12-01T14:00:00Z");
  it.each([
    ["2026-12-01T09:59:59Z", true, "2026-12-01T10:00:00.000Z"],
    ["2026-12-01T10:00:00Z", false, "2026-12-01T14:00:00.000Z"],
    ["2026-12-01T13:59:59Z", false, "2026-12-01T14:00:00.000Z"],
    ["2026-12-01T14:00:00Z", true, null],
  ])("at %s outside=%s, next edge %s", (at, outside, edge) => {
    expect(isOutsideWindow(window, null, new Date(at))).toBe(outside);
    expect(nextWindowEdge(window, new Date(at))?.toISOString() ?? null).toBe(edge);
  });
});

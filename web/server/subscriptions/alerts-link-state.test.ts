import { describe, expect, it } from "vitest";
import { alertsLinkState } from "./alerts-link-state.ts";

describe("alertsLinkState", () => {
  const now = new Date("2026-12-07T12:00:00Z");
  const later = new Date(now.getTime() + 1000);
  it.each([
    ["no row", null, "not_found"],
    ["unused, before expiry", { expiresAt: later, usedAt: null }, "ready"],
    ["unused, at expiry", { expiresAt: now, usedAt: null }, "expired"],
    ["used, before expiry", { expiresAt: later, usedAt: now }, "used"],
    ["used, after expiry: still used", { expiresAt: new Date(0), usedAt: new Date(0) }, "used"],
  ] as const)("%s -> %s", (_name, row, expected) => {
    expect(alertsLinkState(row, now)).toBe(expected);
  });
});

import { describe, expect, it } from "vitest";
import { compareActivity, decodeCursor, encodeCursor, type ActivityCursor } from "./activity-cursor.ts";
import { fillDailySeries } from "./fill-daily-series.ts";

describe("activity cursor", () => {
  const t = new Date("2026-11-10T12:00:00Z");
  const later = new Date("2026-11-10T12:00:01Z");
  it.each<[string, ActivityCursor, ActivityCursor, number]>([
    [
      "newer first",
      { at: later, source: "notification", id: "a" },
      { at: t, source: "webhook", id: "9" },
      -1,
    ],
    [
      "webhooks before notifications at the same instant",
      { at: t, source: "webhook", id: "1" },
      { at: t, source: "notification", id: "z" },
      -1,
    ],
    [
      "higher webhook id first, numerically",
      { at: t, source: "webhook", id: "10" },
      { at: t, source: "webhook", id: "9" },
      -1,
    ],
    [
      "higher notification id first",
      { at: t, source: "notification", id: "b" },
      { at: t, source: "notification", id: "a" },
      -1,
    ],
    ["equal", { at: t, source: "webhook", id: "5" }, { at: t, source: "webhook", id: "5" }, 0],
  ])("%s", (_name, a, b, sign) => {
    expect(Math.sign(compareActivity(a, b))).toBe(sign);
    expect(Math.sign(compareActivity(b, a))).toBe(-sign || 0);
  });

  it("round-trips and rejects tampered cursors", () => {
    const cursor: ActivityCursor = { at: t, source: "webhook", id: "9007199254740993" };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    expect(
      decodeCursor(
        Buffer.from(JSON.stringify({ at: t, source: "webhook", id: "1 or 1=1" })).toString("base64url"),
      ),
    ).toBeNull();
    expect(
      decodeCursor(
        Buffer.from(JSON.stringify({ at: "soon", source: "webhook", id: "1" })).toString("base64url"),
      ),
    ).toBeNull();
    expect(decodeCursor("%%%")).toBeNull();
    expect(decodeCursor(undefined)).toBeNull();
  });
});

describe("fillDailySeries", () => {
  const from = new Date("2026-11-01T00:00:00Z");
  const to = new Date("2026-11-04T00:00:00Z");
  it.each([
    ["no rows: zeros on every day", [], [0, 0, 0], [0, 0, 0]],
    [
      "rows outside the period are ignored",
      [
        { day: "2026-10-31", sent: 5 },
        { day: "2026-11-04", sent: 5 },
      ],
      [0, 0, 0],
      [0, 0, 0],
    ],
    [
      "sent and conversions merge on the same day",
      [
        { day: "2026-11-02", sent: 3 },
        { day: "2026-11-02", conversions: 1, revenueCents: 1999 },
      ],
      [0, 3, 0],
      [0, 19.99, 0],
    ],
    [
      "cents add up exactly",
      [
        { day: "2026-11-03", revenueCents: 10 },
        { day: "2026-11-03", revenueCents: 20 },
      ],
      [0, 0, 0],
      [0, 0, 0.3],
    ],
  ])("%s", (_name, rows, sent, revenue) => {
    const series = fillDailySeries(from, to, rows);
    expect(series.map((p) => p.date)).toEqual(["2026-11-01", "2026-11-02", "2026-11-03"]);
    expect(series.map((p) => p.sent)).toEqual(sent);
    expect(series.map((p) => p.revenue)).toEqual(revenue);
  });
});

import { describe, expect, it } from "vitest";
import { backorderMix, raisePeak, readyQuantity } from "./backorder-line-history.ts";

const t = (minute: number) => new Date(Date.UTC(2026, 11, 6, 12, minute));

describe("raisePeak", () => {
  it.each([
    [null, 3, 3],
    [null, 0, null], // an unknown peak is never made up as 0
    [2, 0, 2],
    [2, 5, 5],
    [5, 2, 5],
  ] as const)("from %s with %s units: %s", (previous, units, expected) => {
    expect(raisePeak(previous, units)).toBe(expected);
  });
});

describe("readyQuantity", () => {
  // One line of 6: all 6 backordered, ready, then 1 unit lost again and ready again.
  const events = [
    { at: t(0), backorderedQuantity: 6 }, // first episode
    { at: t(10), backorderedQuantity: 0 },
    { at: t(20), backorderedQuantity: 1 }, // re-opened at t(20)
    { at: t(25), backorderedQuantity: 0 },
  ];
  it("reports the current episode's most backordered units", () => {
    expect(
      readyQuantity({ quantity: 6, backorderedQuantity: 0, openedAt: t(20), peakBackordered: 6 }, events),
    ).toBe(1);
    expect(
      readyQuantity({ quantity: 6, backorderedQuantity: 0, openedAt: t(0), peakBackordered: 6 }, events),
    ).toBe(6);
  });
  it("never more than is still to ship (units already shipped from stock are not ready now)", () => {
    expect(
      readyQuantity({ quantity: 2, backorderedQuantity: 0, openedAt: t(0), peakBackordered: 6 }, events),
    ).toBe(2);
  });
  it("counts only the units no longer backordered on a line still waiting", () => {
    expect(
      readyQuantity({ quantity: 6, backorderedQuantity: 2, openedAt: t(0), peakBackordered: 6 }, events),
    ).toBe(4);
  });
  it("falls back to the peak, then to the open units, for a line older than the history", () => {
    expect(
      readyQuantity({ quantity: 4, backorderedQuantity: 0, openedAt: t(0), peakBackordered: 3 }, []),
    ).toBe(3);
    expect(
      readyQuantity({ quantity: 4, backorderedQuantity: 0, openedAt: t(0), peakBackordered: null }, []),
    ).toBe(4);
  });
});

describe("backorderMix", () => {
  it.each([
    [6, 2, "partial"],
    [2, 2, "full"],
    [2, 3, "full"], // more backordered than ordered (an order edit): still none from stock
    [null, 2, null],
    [6, null, null],
    [6, 0, null],
  ] as const)("ordered %s, peak %s: %s", (ordered, peak, expected) => {
    expect(backorderMix(ordered, peak)).toBe(expected);
  });
});

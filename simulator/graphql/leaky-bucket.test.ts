import { describe, expect, it } from "vitest";
import { createLeakyBucket } from "./leaky-bucket.ts";

describe("createLeakyBucket", () => {
  it.each([
    // [take, elapsed ms before next take, next take, expected, available after]
    [100, 0, 950, false, 900],
    [100, 500, 950, true, 0],
    [1000, 10_000, 1000, true, 0],
    [0, 0, 1000, true, 0],
  ])("take %i, wait %i ms, take %i -> %s", (first, wait, second, ok, after) => {
    let now = 0;
    const bucket = createLeakyBucket({ maximumAvailable: 1000, restoreRate: 100 }, () => now);
    expect(bucket.take(first)).toBe(true);
    now += wait;
    expect(bucket.take(second)).toBe(ok);
    expect(bucket.status().currentlyAvailable).toBe(after);
  });

  it("never refills above the maximum and refunds unused points", () => {
    let now = 0;
    const bucket = createLeakyBucket({ maximumAvailable: 50, restoreRate: 10 }, () => now);
    bucket.take(40);
    bucket.refund(30);
    expect(bucket.status().currentlyAvailable).toBe(40);
    now += 60_000;
    expect(bucket.status()).toEqual({ maximumAvailable: 50, currentlyAvailable: 50, restoreRate: 10 });
  });
});

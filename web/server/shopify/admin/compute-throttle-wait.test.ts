import { describe, expect, it } from "vitest";
import {
  computeThrottleWait,
  FALLBACK_WAIT_MS,
  MAX_WAIT_MS,
  type QueryCost,
} from "./compute-throttle-wait.ts";

const cost = (requested: number, available: number, rate: number): QueryCost => ({
  requestedQueryCost: requested,
  throttleStatus: { maximumAvailable: 1000, currentlyAvailable: available, restoreRate: rate },
});

describe("computeThrottleWait", () => {
  it.each<[string, QueryCost | null, number | undefined, number]>([
    ["missing points over the restore rate", cost(110, 10, 50), undefined, 2000],
    ["a fraction of a second rounds up", cost(12, 10, 50), undefined, 40],
    ["bucket already holds the cost: one restore tick", cost(10, 50, 100), undefined, 10],
    ["Retry-After wins over cost", cost(110, 10, 50), 3, 3000],
    ["no cost information", null, undefined, FALLBACK_WAIT_MS],
    ["zero restore rate is nonsense: fallback", cost(100, 0, 0), undefined, FALLBACK_WAIT_MS],
    ["capped", cost(1000, 0, 1), undefined, MAX_WAIT_MS],
  ])("%s", (_name, input, retryAfter, expected) => {
    expect(computeThrottleWait(input, retryAfter)).toBe(expected);
  });
});

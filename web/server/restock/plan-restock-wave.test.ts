import { describe, expect, it } from "vitest";
import { planRestockWave } from "./plan-restock-wave.ts";
import type { RestockWaveInput, RestockWavePlan } from "./plan-restock-wave.ts";

const T0 = new Date("2026-12-01T10:00:00.000Z");
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

const base: RestockWaveInput = {
  available: 2,
  threshold: 0,
  multiplier: 3,
  windowMinutes: 120,
  lastWaveAt: null,
  wavesSent: 0,
  pendingCount: 10,
  now: T0,
};

describe("planRestockWave", () => {
  it.each<[string, Partial<RestockWaveInput>, RestockWavePlan]>([
    ["first wave: 10 pending, stock 2 x 3", {}, { action: "send", size: 6 }],
    [
      "second wave after the window, capped by pending",
      { lastWaveAt: T0, wavesSent: 1, pendingCount: 4, now: minutes(121) },
      { action: "send", size: 4 },
    ],
    [
      "exactly at the end of the window",
      { lastWaveAt: T0, wavesSent: 1, pendingCount: 4, now: minutes(120) },
      { action: "send", size: 4 },
    ],
    [
      "within the window",
      { lastWaveAt: T0, wavesSent: 1, pendingCount: 4, now: minutes(30) },
      { action: "wait", until: minutes(120) },
    ],
    [
      "clock behind the last wave still waits for the full window",
      { lastWaveAt: T0, wavesSent: 1, pendingCount: 4, now: minutes(-5) },
      { action: "wait", until: minutes(120) },
    ],
    [
      "stock gone",
      { available: 0, lastWaveAt: T0, wavesSent: 1, now: minutes(200) },
      { action: "stop", reason: "sold_out" },
    ],
    ["negative stock (backordered)", { available: -3 }, { action: "stop", reason: "sold_out" }],
    ["stock at the threshold", { available: 5, threshold: 5 }, { action: "stop", reason: "sold_out" }],
    [
      "stock gone within the window stops at once",
      { available: 0, lastWaveAt: T0, wavesSent: 1, now: minutes(10) },
      { action: "stop", reason: "sold_out" },
    ],
    [
      "stock one above the threshold",
      { available: 6, threshold: 5, multiplier: 1 },
      { action: "send", size: 6 },
    ],
    ["no pending subscribers", { pendingCount: 0 }, { action: "stop", reason: "done" }],
    [
      "no pending subscribers and sold out",
      { pendingCount: 0, available: 0 },
      { action: "stop", reason: "done" },
    ],
    [
      "multiplier 0 sends to everyone",
      { multiplier: 0, pendingCount: 10_000 },
      { action: "send", size: 10_000 },
    ],
    [
      "fractional multiplier rounds up (ceil 4.5)",
      { available: 3, multiplier: 1.5 },
      { action: "send", size: 5 },
    ],
    [
      "floating point noise does not add one (0.1 x 30)",
      { available: 30, multiplier: 0.1 },
      { action: "send", size: 3 },
    ],
    ["tiny multiplier still sends one", { available: 1, multiplier: 0.01 }, { action: "send", size: 1 }],
    [
      "window 0 sends the next wave at once",
      { windowMinutes: 0, lastWaveAt: T0, wavesSent: 1 },
      { action: "send", size: 6 },
    ],
    ["large stock is capped by pending", { available: 1_000, pendingCount: 7 }, { action: "send", size: 7 }],
  ])("%s", (_name, overrides, expected) => {
    expect(planRestockWave({ ...base, ...overrides })).toEqual(expected);
  });

  it("walks a whole restock event: 6, wait, 4, done", () => {
    const first = planRestockWave(base);
    expect(first).toEqual({ action: "send", size: 6 });
    const waiting = planRestockWave({
      ...base,
      lastWaveAt: T0,
      wavesSent: 1,
      pendingCount: 4,
      now: minutes(60),
    });
    expect(waiting).toEqual({ action: "wait", until: minutes(120) });
    const second = planRestockWave({
      ...base,
      lastWaveAt: T0,
      wavesSent: 1,
      pendingCount: 4,
      now: minutes(120),
    });
    expect(second).toEqual({ action: "send", size: 4 });
    const end = planRestockWave({
      ...base,
      lastWaveAt: minutes(120),
      wavesSent: 2,
      pendingCount: 0,
      now: minutes(240),
    });
    expect(end).toEqual({ action: "stop", reason: "done" });
  });

  it.each<[string, Partial<RestockWaveInput>]>([
    ["negative multiplier", { multiplier: -1 }],
    ["NaN available", { available: Number.NaN }],
    ["infinite multiplier", { multiplier: Number.POSITIVE_INFINITY }],
    ["negative window", { windowMinutes: -1 }],
    ["invalid now", { now: new Date("nope") }],
    ["invalid lastWaveAt", { lastWaveAt: new Date("nope") }],
  ])("rejects %s", (_name, overrides) => {
    expect(() => planRestockWave({ ...base, ...overrides })).toThrow(RangeError);
  });
});

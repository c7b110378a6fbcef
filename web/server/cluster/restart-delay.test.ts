import { describe, expect, it } from "vitest";
import { MAX_RESTART_DELAY_MS, RESTART_WINDOW_MS, restartDelayMs } from "./restart-delay.ts";

describe("restartDelayMs", () => {
  it("replaces a child at once after a single crash in the window", () => {
    expect(restartDelayMs([1_000], 2_000)).toBe(0);
  });

  it("backs off, doubling, while crashes repeat within the window", () => {
    const now = 100_000;
    expect(restartDelayMs([now - 3, now - 2], now)).toBe(250);
    expect(restartDelayMs([now - 3, now - 2, now - 1], now)).toBe(500);
    expect(restartDelayMs([now - 4, now - 3, now - 2, now - 1], now)).toBe(1_000);
  });

  it("never waits longer than the cap", () => {
    const now = 100_000;
    const crashes = Array.from({ length: 40 }, (_, i) => now - i);
    expect(restartDelayMs(crashes, now)).toBe(MAX_RESTART_DELAY_MS);
  });

  it("forgets crashes older than the window", () => {
    const now = 1_000_000;
    const old = Array.from({ length: 10 }, (_, i) => now - RESTART_WINDOW_MS - i);
    expect(restartDelayMs([...old, now], now)).toBe(0);
  });
});

import { describe, expect, it } from "vitest";
import {
  NOTIFY_HOLD_POLL_MS,
  NOTIFY_HOLD_SLOW_AFTER_MS,
  NOTIFY_HOLD_SLOW_POLL_MS,
  notifyHoldUntil,
} from "./notify-order-hold.ts";

describe("notifyHoldUntil", () => {
  const enqueuedAtMs = Date.UTC(2026, 10, 22, 12);
  const clear = { earlierUnprocessed: false, unconfirmedStock: false, enqueuedAtMs };

  it("decides at once when no earlier event is unprocessed and the stock is confirmed", () => {
    expect(notifyHoldUntil({ ...clear, nowMs: enqueuedAtMs + 3_000 })).toBeNull();
  });

  it.each([
    ["an earlier event is unprocessed", { earlierUnprocessed: true }],
    ["a stock read is unconfirmed", { unconfirmedStock: true }],
    ["both", { earlierUnprocessed: true, unconfirmedStock: true }],
  ])("looks again shortly while %s", (_, waiting) => {
    const nowMs = enqueuedAtMs + 3_000;
    expect(notifyHoldUntil({ ...clear, ...waiting, nowMs })).toEqual(new Date(nowMs + NOTIFY_HOLD_POLL_MS));
  });

  it.each([NOTIFY_HOLD_SLOW_AFTER_MS, 2 * 60_000, 30 * 60_000, 6 * 3_600_000])(
    "keeps holding after %i ms while earlier events are unprocessed (no time bound), looking less often",
    (heldMs) => {
      const nowMs = enqueuedAtMs + heldMs;
      expect(notifyHoldUntil({ ...clear, earlierUnprocessed: true, nowMs })).toEqual(
        new Date(nowMs + NOTIFY_HOLD_SLOW_POLL_MS),
      );
    },
  );

  it("decides once the backlog is processed, however long it took", () => {
    expect(notifyHoldUntil({ ...clear, nowMs: enqueuedAtMs + 3_600_000 })).toBeNull();
  });
});

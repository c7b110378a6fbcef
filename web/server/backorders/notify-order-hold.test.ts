import { describe, expect, it } from "vitest";
import {
  NOTIFY_HOLD_POLL_MS,
  NOTIFY_HOLD_SLOW_AFTER_MS,
  NOTIFY_HOLD_SLOW_POLL_MS,
  notifyHoldUntil,
} from "./notify-order-hold.ts";

describe("notifyHoldUntil", () => {
  const enqueuedAtMs = Date.UTC(2026, 10, 22, 12);

  it("decides at once when no earlier event is unprocessed", () => {
    expect(notifyHoldUntil({ earlierUnprocessed: 0, enqueuedAtMs, nowMs: enqueuedAtMs + 3_000 })).toBeNull();
  });

  it("looks again shortly while an earlier event is unprocessed", () => {
    const nowMs = enqueuedAtMs + 3_000;
    expect(notifyHoldUntil({ earlierUnprocessed: 2, enqueuedAtMs, nowMs })).toEqual(
      new Date(nowMs + NOTIFY_HOLD_POLL_MS),
    );
  });

  it.each([NOTIFY_HOLD_SLOW_AFTER_MS, 2 * 60_000, 30 * 60_000, 6 * 3_600_000])(
    "keeps holding after %i ms while earlier events are unprocessed (no time bound), looking less often",
    (heldMs) => {
      const nowMs = enqueuedAtMs + heldMs;
      expect(notifyHoldUntil({ earlierUnprocessed: 1, enqueuedAtMs, nowMs })).toEqual(
        new Date(nowMs + NOTIFY_HOLD_SLOW_POLL_MS),
      );
    },
  );

  it("decides once the backlog is processed, however long it took", () => {
    expect(
      notifyHoldUntil({ earlierUnprocessed: 0, enqueuedAtMs, nowMs: enqueuedAtMs + 3_600_000 }),
    ).toBeNull();
  });
});

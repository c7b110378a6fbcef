import { describe, expect, it } from "vitest";
import { NOTIFY_HOLD_MAX_MS, NOTIFY_HOLD_POLL_MS, notifyHoldUntil } from "./notify-order-hold.ts";

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

  it("stops holding once the bound is reached, whatever is still stuck", () => {
    expect(
      notifyHoldUntil({ earlierUnprocessed: 5, enqueuedAtMs, nowMs: enqueuedAtMs + NOTIFY_HOLD_MAX_MS }),
    ).toBeNull();
  });
});

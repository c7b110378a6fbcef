import { describe, expect, it } from "vitest";
import { planSendSlot, type SendSlot } from "./acquire-send-slot.ts";

describe("planSendSlot", () => {
  it.each<[string, number, number, number, number, SendSlot]>([
    ["first send of the second", 1, 10, 400, 0, { ok: true }],
    ["the 10th of 10", 10, 10, 400, 0, { ok: true }],
    ["the 11th waits for the next second", 11, 10, 400, 0, { ok: false, retryInMs: 400 }],
    ["the 20th too", 20, 10, 400, 0, { ok: false, retryInMs: 400 }],
    ["the 21st waits one second more", 21, 10, 400, 0, { ok: false, retryInMs: 1_400 }],
    ["a backlog of 1,000 at 10/s spreads over 99 s", 1_010, 10, 0, 0, { ok: false, retryInMs: 99_000 }],
    ["jitter adds at most 250 ms", 11, 10, 400, 0.999, { ok: false, retryInMs: 649 }],
    ["rate 1", 2, 1, 10, 0, { ok: false, retryInMs: 10 }],
  ])("%s", (_name, count, rate, msLeft, jitter, expected) => {
    expect(planSendSlot(count, rate, msLeft, jitter)).toEqual(expected);
  });
});

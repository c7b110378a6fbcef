import { describe, expect, it } from "vitest";
import { planSendSlot, planSlotGrant, type SendSlot, type SendSlots } from "./reserve-send-slots.ts";

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

describe("planSlotGrant", () => {
  it.each<[string, number, number, number, number, SendSlots]>([
    ["a batch alone in the second gets all it asked", 10, 10, 10, 400, { granted: 10, retryInMs: 0 }],
    ["a batch after 7 others gets the 3 left", 17, 10, 10, 400, { granted: 3, retryInMs: 0 }],
    ["a batch in a full second waits for the next", 20, 10, 10, 400, { granted: 0, retryInMs: 400 }],
    ["two seconds behind waits one more", 30, 10, 10, 400, { granted: 0, retryInMs: 1_400 }],
    ["a single send behaves like planSendSlot", 11, 1, 10, 400, { granted: 0, retryInMs: 400 }],
    ["the 10th single send still fits", 10, 1, 10, 400, { granted: 1, retryInMs: 0 }],
  ])("%s", (_name, count, asked, rate, msLeft, expected) => {
    expect(planSlotGrant(count, asked, rate, msLeft, 0)).toEqual(expected);
  });
});

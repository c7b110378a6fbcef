import { describe, expect, it } from "vitest";
import { decideRestockReminder, isAboveThreshold, type ReminderFacts } from "./decide-restock-reminder.ts";

const base: ReminderFacts = { subscriptionStatus: "NOTIFIED", converted: false, inStock: true };

describe("restock reminder", () => {
  it.each<[string, Partial<ReminderFacts>, string | null]>([
    ["a notified non-buyer while in stock", {}, null],
    ["a subscriber kept ACTIVE (keep subscribed)", { subscriptionStatus: "ACTIVE" }, null],
    ["a buyer", { converted: true }, "ordered the variant"],
    ["out of stock", { inStock: false }, "out of stock"],
    ["an unsubscribed address", { subscriptionStatus: "UNSUBSCRIBED" }, "unsubscribed"],
    ["a redacted subscription", { subscriptionStatus: null }, "subscription gone"],
  ])("%s", (_name, change, reason) => {
    const decision = decideRestockReminder({ ...base, ...change });
    expect(decision).toEqual(reason === null ? { send: true } : { send: false, reason });
  });

  it("counts stock above the threshold only", () => {
    expect(isAboveThreshold(3, 2)).toBe(true);
    expect(isAboveThreshold(2, 2)).toBe(false);
    expect(isAboveThreshold(null, 0)).toBe(false);
  });
});

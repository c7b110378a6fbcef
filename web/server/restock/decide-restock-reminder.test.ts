import { describe, expect, it } from "vitest";
import { decideRestockReminder, type ReminderFacts } from "./decide-restock-reminder.ts";

const base: ReminderFacts = { subscriptionStatus: "NOTIFIED", converted: false, available: 5, threshold: 2 };

describe("restock reminder", () => {
  it.each<[string, Partial<ReminderFacts>, string | null]>([
    ["a notified non-buyer while in stock", {}, null],
    ["a subscriber kept ACTIVE (keep subscribed)", { subscriptionStatus: "ACTIVE" }, null],
    ["a buyer", { converted: true }, "ordered the variant"],
    ["stock at the threshold", { available: 2 }, "out of stock"],
    ["a variant gone", { available: null }, "out of stock"],
    ["an unsubscribed address", { subscriptionStatus: "UNSUBSCRIBED" }, "unsubscribed"],
    ["a redacted subscription", { subscriptionStatus: null }, "subscription gone"],
  ])("%s", (_name, change, reason) => {
    const decision = decideRestockReminder({ ...base, ...change });
    expect(decision).toEqual(reason === null ? { send: true } : { send: false, reason });
  });
});

import { describe, expect, it } from "vitest";
import type { NotificationKind } from "./notification-kinds.ts";
import { isBlockedBySuppression } from "./suppression-policy.ts";

describe("isBlockedBySuppression", () => {
  it.each<[NotificationKind, string, boolean]>([
    ["restock", "unsubscribed", true],
    ["restock", "bounced", true],
    ["restock", "complaint", true],
    ["double_opt_in", "unsubscribed", false],
    ["double_opt_in", "bounced", true],
    ["backorder_confirmation", "unsubscribed", false],
    ["backorder_ready", "bounced", true],
    ["eta_changed", "complaint", true],
    ["eta_changed", "unsubscribed", false],
    ["renewal", "unsubscribed", true],
    ["restock_reminder", "unsubscribed", true],
  ])("%s with %s -> %s", (kind, reason, blocked) => {
    expect(isBlockedBySuppression(kind, reason)).toBe(blocked);
  });
});

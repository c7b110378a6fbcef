import type { OrderDiscount } from "@prisma/client";
import { Prisma } from "@prisma/client";
import { describe, expect, it } from "vitest";
import { DISCOUNT_WAIT_LIMIT_MS, decideOrderDiscount } from "./order-discount-state.ts";

const now = new Date("2026-12-06T12:00:00Z");
const row = (status: string, ageMs = 0): OrderDiscount => ({
  id: "d1",
  shopId: "s1",
  orderId: 1n,
  code: "THANKS-ABCDEFGHJK",
  status,
  valueType: "percentage",
  value: new Prisma.Decimal(10),
  endsAt: null,
  discountGid: null,
  createdAt: new Date(now.getTime() - ageMs),
  createdOnShopifyAt: null,
});

describe("decideOrderDiscount", () => {
  it.each<[string, OrderDiscount | null, boolean, string]>([
    ["created: shown", row("CREATED"), false, "ready"],
    ["refused for good: the email goes without, a later one asks again", row("FAILED"), true, "retry"],
    ["feature off, no code: nothing to wait for", null, false, "none"],
    ["feature on, no code yet: the email waits", null, true, "missing"],
    ["being created: the email waits", row("PENDING", 60_000), true, "missing"],
    [
      "being created for too long: the email goes without",
      row("PENDING", DISCOUNT_WAIT_LIMIT_MS + 1),
      true,
      "retry",
    ],
  ])("%s", (_name, stored, enabled, expected) => {
    expect(decideOrderDiscount(stored, enabled, now).state).toBe(expected);
  });
});

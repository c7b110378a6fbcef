import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocateBackorders, type OpenLine } from "../backorders/allocate-backorders.ts";
import { priorityClassOf, priorityRuleOf, type PrioritySettings } from "./priority-classes.ts";

const on: PrioritySettings = {
  priorityEnabled: true,
  priorityCustomerTags: ["VIP"],
  priorityOrderTags: ["rush "],
};

describe("priorityClassOf", () => {
  it.each<[string, string[], string[], PrioritySettings, number]>([
    ["VIP customer", ["vip"], [], on, 1],
    ["tagged order", [], ["Rush"], on, 1],
    ["regular customer", ["wholesale"], ["gift"], on, 0],
    ["customer tag on the order does not count", [], ["VIP"], on, 0],
    ["feature off", ["VIP"], ["rush"], { ...on, priorityEnabled: false }, 0],
    [
      "blank configured tags match nothing",
      [""],
      [""],
      { ...on, priorityCustomerTags: [" "], priorityOrderTags: [] },
      0,
    ],
  ])("%s", (_name, customerTags, tags, settings, expected) => {
    expect(priorityClassOf({ customerTags, tags }, settings)).toBe(expected);
  });

  it.each([
    [null, "fifo"],
    [{ ...on, priorityEnabled: false }, "fifo"],
    [on, "priority-class"],
  ] as const)("rule for %j is %s", (settings, rule) => {
    expect(priorityRuleOf(settings)).toBe(rule);
  });
});

const orderArb = fc.record({
  vip: fc.boolean(),
  placedAt: fc.integer({ min: 0, max: 10_000 }),
  openQuantity: fc.integer({ min: 1, max: 5 }),
});

describe("allocation with tag-derived classes", () => {
  it("never backorders a VIP unit while a regular order holds stock", () => {
    fc.assert(
      fc.property(
        fc.array(orderArb, { minLength: 1, maxLength: 12 }),
        fc.integer({ min: -40, max: 5 }),
        (orders, available) => {
          const lines: OpenLine[] = orders.map((o, i) => ({
            lineItemId: BigInt(2 ** 53) + BigInt(i),
            orderId: BigInt(2 ** 53) + BigInt(100 + i),
            placedAt: new Date(o.placedAt),
            openQuantity: o.openQuantity,
            priorityClass: priorityClassOf({ customerTags: o.vip ? ["VIP"] : [], tags: [] }, on),
          }));
          const result = allocateBackorders({ available, tracked: true, lines, priority: "priority-class" });
          const vipBackordered = result.some((r, i) => orders[i]!.vip && r.backorderedQuantity > 0);
          const regularServed = result.some(
            (r, i) => !orders[i]!.vip && r.backorderedQuantity < r.openQuantity,
          );
          expect(vipBackordered && regularServed).toBe(false);
        },
      ),
    );
  });
});

import { describe, expect, it } from "vitest";
import { allocateBackorders, type OpenLine, type PriorityRule } from "./allocate-backorders.ts";

// Shopify ids are 64-bit: fixtures live above 2^53 so a lossy Number conversion would show.
const BIG = 9_007_199_254_740_993n;
const lineId = (n: number) => BIG + BigInt(n);
const orderId = (n: number) => BIG * 2n + BigInt(n);
const at = (day: number, hour = 0) => new Date(Date.UTC(2026, 10, day, hour));

type Spec = [line: number, order: number, placed: Date, open: number, extra?: Partial<OpenLine>];
const lines = (...specs: Spec[]): OpenLine[] =>
  specs.map(([line, order, placedAt, openQuantity, extra]) => ({
    lineItemId: lineId(line),
    orderId: orderId(order),
    placedAt,
    openQuantity,
    ...extra,
  }));

type Case = {
  name: string;
  available: number;
  tracked?: boolean;
  priority?: PriorityRule;
  lines: OpenLine[];
  /** Expected backordered units by line number. */
  expected: Record<number, number>;
};

const cases: Case[] = [
  { name: "ordered 5 with 2 in stock", available: -3, lines: lines([1, 1, at(1), 5]), expected: { 1: 3 } },
  {
    name: "two orders for the last unit: the newer one waits",
    available: -1,
    lines: lines([1, 1, at(1), 1], [2, 2, at(2), 1]),
    expected: { 1: 0, 2: 1 },
  },
  {
    name: "same, input newest first",
    available: -1,
    lines: lines([2, 2, at(2), 1], [1, 1, at(1), 1]),
    expected: { 1: 0, 2: 1 },
  },
  {
    name: "partial lines: the deficit spills from the newest into the next",
    available: -5,
    lines: lines([1, 1, at(1), 3], [2, 2, at(2), 2], [3, 3, at(3), 4]),
    expected: { 1: 0, 2: 1, 3: 4 },
  },
  {
    name: "before a restock: 5 backordered across 3 orders",
    available: -5,
    lines: lines([1, 1, at(1), 2], [2, 2, at(2), 2], [3, 3, at(3), 1]),
    expected: { 1: 2, 2: 2, 3: 1 },
  },
  {
    name: "restock of 3: the oldest order becomes ready first",
    available: -2,
    lines: lines([1, 1, at(1), 2], [2, 2, at(2), 2], [3, 3, at(3), 1]),
    expected: { 1: 0, 2: 1, 3: 1 },
  },
  {
    name: "cancelling the oldest (restocked) frees its unit for the next oldest",
    available: -1,
    lines: lines([1, 1, at(1), 1, { cancelled: true }], [2, 2, at(2), 1], [3, 3, at(3), 1]),
    expected: { 1: 0, 2: 0, 3: 1 },
  },
  {
    name: "a fulfilled line (0 open) holds nothing",
    available: -2,
    lines: lines([1, 1, at(1), 0], [2, 2, at(2), 1], [3, 3, at(3), 1]),
    expected: { 1: 0, 2: 1, 3: 1 },
  },
  {
    name: "untracked variants are never backordered",
    available: -5,
    tracked: false,
    lines: lines([1, 1, at(1), 5]),
    expected: { 1: 0 },
  },
  { name: "zero available", available: 0, lines: lines([1, 1, at(1), 5]), expected: { 1: 0 } },
  { name: "positive available", available: 4, lines: lines([1, 1, at(1), 5]), expected: { 1: 0 } },
  {
    name: "deficit larger than all open units is capped",
    available: -10,
    lines: lines([1, 1, at(1), 2], [2, 2, at(2), 3]),
    expected: { 1: 2, 2: 3 },
  },
  {
    name: "same placedAt: the higher order id counts as newer",
    available: -1,
    lines: lines([1, 7, at(1), 1], [2, 3, at(1), 1]),
    expected: { 1: 1, 2: 0 },
  },
  {
    name: "same order: the higher line id counts as newer",
    available: -1,
    lines: lines([9, 1, at(1), 1], [4, 1, at(1), 1]),
    expected: { 9: 1, 4: 0 },
  },
  {
    name: "fifo ignores priority classes",
    available: -1,
    lines: lines([1, 1, at(1), 1], [2, 2, at(2), 1, { priorityClass: 1 }]),
    expected: { 1: 0, 2: 1 },
  },
  {
    name: "priority-class: a newer VIP line is served before an older regular one",
    available: -1,
    priority: "priority-class",
    lines: lines([1, 1, at(1), 1], [2, 2, at(2), 1, { priorityClass: 1 }]),
    expected: { 1: 1, 2: 0 },
  },
  {
    name: "priority-class: the lowest class absorbs the deficit, newest first, then spills upward",
    available: -4,
    priority: "priority-class",
    lines: lines(
      [1, 1, at(2), 2, { priorityClass: 1 }],
      [2, 2, at(3), 2, { priorityClass: 1 }],
      [3, 3, at(1), 1],
    ),
    expected: { 1: 1, 2: 2, 3: 1 },
  },
];

describe("allocateBackorders", () => {
  it.each(cases)("$name", ({ available, tracked, priority, lines: input, expected }) => {
    const result = allocateBackorders({ available, tracked: tracked ?? true, priority, lines: input });
    expect(result.map((a) => a.lineItemId)).toEqual(input.map((l) => l.lineItemId));
    const byLine = Object.fromEntries(result.map((a) => [Number(a.lineItemId - BIG), a.backorderedQuantity]));
    expect(byLine).toEqual(expected);
  });

  it("reports a cancelled line as cancelled with nothing open", () => {
    const [result] = allocateBackorders({
      available: -3,
      tracked: true,
      lines: lines([1, 1, at(1), 3, { cancelled: true }]),
    });
    expect(result).toEqual({
      lineItemId: lineId(1),
      orderId: orderId(1),
      openQuantity: 0,
      backorderedQuantity: 0,
      cancelled: true,
    });
  });

  it("rejects two rows for one line item", () => {
    expect(() =>
      allocateBackorders({ available: -1, tracked: true, lines: lines([1, 1, at(1), 1], [1, 2, at(2), 1]) }),
    ).toThrow(/duplicate lineItemId/);
  });
});

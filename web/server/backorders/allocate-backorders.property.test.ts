import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  allocateBackorders,
  type Allocation,
  type OpenLine,
  type PriorityRule,
} from "./allocate-backorders.ts";

const BIG = 9_007_199_254_740_993n;
const DAY = 86_400_000;

// Few distinct days, orders and classes, so ties on every sort key are common.
const lineArb = (lineItemId: bigint) =>
  fc.record({
    lineItemId: fc.constant(lineItemId),
    orderId: fc.integer({ min: 0, max: 6 }).map((n) => BIG * 2n + BigInt(n)),
    placedAt: fc.integer({ min: 0, max: 4 }).map((d) => new Date(Date.UTC(2026, 10, 1) + d * DAY)),
    openQuantity: fc.integer({ min: 0, max: 5 }),
    priorityClass: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
    cancelled: fc.option(fc.boolean(), { freq: 4, nil: undefined }),
  });

const linesArb: fc.Arbitrary<OpenLine[]> = fc
  .uniqueArray(fc.integer({ min: 0, max: 1_000 }), { maxLength: 25 })
  .chain((ids) => fc.tuple(...ids.map((id) => lineArb(BIG + BigInt(id)))));

const inputArb = fc.record({
  available: fc.integer({ min: -40, max: 10 }),
  lines: linesArb,
  priority: fc.constantFrom<PriorityRule>("fifo", "priority-class"),
});

const open = (line: OpenLine) => (line.cancelled ? 0 : line.openQuantity);
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** Independent oracle of "a is served before b" (class desc, then older, then lower ids). */
function servedBefore(a: OpenLine, b: OpenLine, priority: PriorityRule): boolean {
  const cls = (l: OpenLine) => (priority === "priority-class" ? (l.priorityClass ?? 0) : 0);
  const key = (l: OpenLine): [number, number, bigint, bigint] => [
    -cls(l),
    l.placedAt.getTime(),
    l.orderId,
    l.lineItemId,
  ];
  const [ka, kb] = [key(a), key(b)];
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! < kb[i]!;
  return false;
}

const byLine = (allocation: Allocation[]) => new Map(allocation.map((a) => [a.lineItemId, a]));

describe("allocateBackorders properties", () => {
  it("backorders exactly min(deficit, total open) units", () => {
    fc.assert(
      fc.property(inputArb, ({ available, lines, priority }) => {
        const result = allocateBackorders({ available, tracked: true, lines, priority });
        const expected = Math.min(Math.max(0, -available), sum(lines.map(open)));
        expect(sum(result.map((a) => a.backorderedQuantity))).toBe(expected);
      }),
    );
  });

  it("never backorders a line served earlier while a later one is not fully backordered", () => {
    fc.assert(
      fc.property(inputArb, ({ available, lines, priority }) => {
        const result = byLine(allocateBackorders({ available, tracked: true, lines, priority }));
        for (const a of lines) {
          if (result.get(a.lineItemId)!.backorderedQuantity === 0) continue;
          for (const b of lines) {
            if (servedBefore(a, b, priority)) {
              expect(result.get(b.lineItemId)!.backorderedQuantity).toBe(open(b));
            }
          }
        }
      }),
    );
  });

  it("does not depend on the input order", () => {
    const shuffled = inputArb.chain((input) =>
      fc.tuple(
        fc.constant(input),
        fc.shuffledSubarray(input.lines, { minLength: input.lines.length, maxLength: input.lines.length }),
      ),
    );
    fc.assert(
      fc.property(shuffled, ([input, reordered]) => {
        const a = allocateBackorders({ ...input, tracked: true });
        const b = allocateBackorders({ ...input, tracked: true, lines: reordered });
        expect(b.map((x) => x.lineItemId)).toEqual(reordered.map((l) => l.lineItemId));
        expect(byLine(b)).toEqual(byLine(a));
      }),
    );
  });

  it("keeps every line within 0..openQuantity, and untracked at 0", () => {
    fc.assert(
      fc.property(inputArb, fc.boolean(), ({ available, lines, priority }, tracked) => {
        const result = allocateBackorders({ available, tracked, lines, priority });
        result.forEach((a, i) => {
          expect(a.openQuantity).toBe(open(lines[i]!));
          expect(a.backorderedQuantity).toBeGreaterThanOrEqual(0);
          expect(a.backorderedQuantity).toBeLessThanOrEqual(a.openQuantity);
          if (!tracked) expect(a.backorderedQuantity).toBe(0);
        });
      }),
    );
  });
});

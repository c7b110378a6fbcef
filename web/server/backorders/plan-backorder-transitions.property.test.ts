import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Allocation } from "./allocate-backorders.ts";
import {
  applyBackorderTransitions,
  planBackorderTransitions,
  type BackorderStatus,
  type ExistingBackorder,
} from "./plan-backorder-transitions.ts";

const LINE = 9_007_199_254_740_993n;
const ORDER = 18_014_398_509_481_987n;
const now = new Date("2026-11-20T12:00:00Z");

const statusArb = fc.constantFrom<BackorderStatus>("OPEN", "READY", "FULFILLED", "CANCELLED");
// Any stored row (or none) against any consistent allocation of the same line.
const lineArb = fc.record({
  id: fc.integer({ min: 0, max: 12 }),
  row: fc.option(
    fc.record({ status: statusArb, quantity: fc.nat(4), backordered: fc.nat(4), openedDay: fc.nat(20) }),
  ),
  open: fc.nat(4),
  backordered: fc.nat(4),
  cancelled: fc.boolean(),
});

describe("planBackorderTransitions properties", () => {
  it("is idempotent: planning against its own applied result plans nothing", () => {
    fc.assert(
      fc.property(fc.uniqueArray(lineArb, { selector: (l) => l.id, maxLength: 12 }), (specs) => {
        const previous: ExistingBackorder[] = specs.flatMap(({ id, row }) =>
          row
            ? [
                {
                  lineItemId: LINE + BigInt(id),
                  orderId: ORDER,
                  status: row.status,
                  quantity: row.quantity,
                  backorderedQuantity: Math.min(row.quantity, row.backordered),
                  openedAt: new Date(Date.UTC(2026, 10, 1 + row.openedDay)),
                },
              ]
            : [],
        );
        const allocation: Allocation[] = specs.map(({ id, open, backordered, cancelled }) => ({
          lineItemId: LINE + BigInt(id),
          orderId: ORDER,
          openQuantity: cancelled ? 0 : open,
          backorderedQuantity: cancelled ? 0 : Math.min(open, backordered),
          cancelled,
        }));
        const first = planBackorderTransitions(previous, allocation, now);
        const applied = applyBackorderTransitions(previous, first);
        expect(planBackorderTransitions(applied, allocation, new Date(now.getTime() + 1))).toEqual([]);
        // Every line gets at most one transition per plan, and only a move to READY sends a ready email.
        expect(new Set(first.map((t) => t.lineItemId)).size).toBe(first.length);
        for (const t of first) expect(t.email?.kind === "backorder_ready").toBe(t.kind === "ready");
      }),
    );
  });
});

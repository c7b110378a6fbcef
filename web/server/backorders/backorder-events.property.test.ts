/**
 * docs/core-rules.md, "Events out of order": events arrive out of order and twice, and the result must not depend on that.
 * Model of the worker: each event is folded into per-key state with last-writer-wins by event
 * time (order webhooks carry the full line, inventory webhooks the full level), then the variant
 * is re-allocated and its rows re-planned.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocateBackorders, type OpenLine } from "./allocate-backorders.ts";
import {
  applyBackorderTransitions,
  planBackorderTransitions,
  type ExistingBackorder,
} from "./plan-backorder-transitions.ts";

type LineEvent = { kind: "line"; time: number; line: OpenLine };
type InventoryEvent = { kind: "inventory"; time: number; available: number };
type VariantEvent = LineEvent | InventoryEvent;
type State = { inventory?: InventoryEvent; lines: Map<bigint, LineEvent> };

const BIG = 9_007_199_254_740_993n;
const canonical = (e: VariantEvent) =>
  JSON.stringify(e, (_k, v: unknown) => (typeof v === "bigint" ? `${v}` : v));
// Equal times are broken by content so that which duplicate or twin arrives first cannot matter.
const newer = (a: VariantEvent, b: VariantEvent | undefined) =>
  b === undefined || a.time > b.time || (a.time === b.time && canonical(a) > canonical(b));

function foldEvent(state: State, event: VariantEvent): void {
  if (event.kind === "inventory") {
    if (newer(event, state.inventory)) state.inventory = event;
  } else if (newer(event, state.lines.get(event.line.lineItemId))) {
    state.lines.set(event.line.lineItemId, event);
  }
}

const allocate = (state: State) =>
  allocateBackorders({
    available: state.inventory?.available ?? 0,
    tracked: true,
    lines: [...state.lines.values()].map((e) => e.line),
  });
const sorted = <T extends { lineItemId: bigint }>(xs: T[]) =>
  [...xs].sort((a, b) => (a.lineItemId < b.lineItemId ? -1 : a.lineItemId > b.lineItemId ? 1 : 0));

// One line's life: placed, then fulfilled bit by bit, possibly cancelled at the end.
const lineHistoryArb = (id: number) =>
  fc
    .record({
      orderId: fc.integer({ min: 0, max: 5 }).map((n) => BIG * 2n + BigInt(n)),
      placedAt: fc.integer({ min: 0, max: 3 }).map((d) => new Date(Date.UTC(2026, 10, 1 + d))),
      quantity: fc.integer({ min: 1, max: 4 }),
      start: fc.integer({ min: 0, max: 20 }),
      fulfilments: fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 3 }),
      cancelAfter: fc.option(fc.integer({ min: 1, max: 5 })),
    })
    .map(({ orderId, placedAt, quantity, start, fulfilments, cancelAfter }): LineEvent[] => {
      const snapshot = (time: number, openQuantity: number, cancelled = false): LineEvent => ({
        kind: "line",
        time,
        line: { lineItemId: BIG + BigInt(id), orderId, placedAt, openQuantity, cancelled },
      });
      const events = [snapshot(start, quantity)];
      let open = quantity;
      let time = start;
      for (const units of fulfilments) {
        open = Math.max(0, open - units);
        events.push(snapshot(++time, open));
      }
      if (cancelAfter !== null && open > 0) events.push(snapshot(time + cancelAfter, 0, true));
      return events;
    });

const eventsArb: fc.Arbitrary<VariantEvent[]> = fc
  .tuple(
    fc.uniqueArray(fc.integer({ min: 0, max: 50 }), { maxLength: 8 }),
    fc.array(
      fc.record({
        kind: fc.constant("inventory" as const),
        time: fc.integer({ min: 0, max: 8 }),
        available: fc.integer({ min: -12, max: 6 }),
      }),
      { maxLength: 6 },
    ),
  )
  .chain(([ids, inventory]) =>
    fc.tuple(...ids.map(lineHistoryArb)).map((histories) => [...histories.flat(), ...inventory]),
  );

// Every event delivered twice, in any order.
const deliveredArb = eventsArb.chain((events) =>
  fc.tuple(
    fc.constant(events),
    fc.shuffledSubarray([...events, ...events], { minLength: events.length * 2 }),
  ),
);

describe("backorders from out-of-order, duplicated events", () => {
  it("gives the same allocation whatever the delivery order and duplicates", () => {
    fc.assert(
      fc.property(deliveredArb, ([events, delivered]) => {
        const inOrder: State = { lines: new Map() };
        [...events].sort((a, b) => a.time - b.time).forEach((e) => foldEvent(inOrder, e));
        const shuffled: State = { lines: new Map() };
        delivered.forEach((e) => foldEvent(shuffled, e));
        expect(sorted(allocate(shuffled))).toEqual(sorted(allocate(inOrder)));
      }),
      { numRuns: 300 },
    );
  });

  it("recomputing after every delivery ends with rows that match the final allocation", () => {
    fc.assert(
      fc.property(deliveredArb, ([, delivered]) => {
        const state: State = { lines: new Map() };
        let rows: ExistingBackorder[] = [];
        const emailKeys: string[] = [];
        delivered.forEach((event, step) => {
          foldEvent(state, event);
          const transitions = planBackorderTransitions(
            rows,
            allocate(state),
            new Date(Date.UTC(2026, 11, 1) + step),
          );
          for (const t of transitions) if (t.email) emailKeys.push(t.email.idempotencyKey);
          rows = applyBackorderTransitions(rows, transitions);
        });

        expect(new Set(emailKeys).size).toBe(emailKeys.length);
        const final = new Map(allocate(state).map((a) => [a.lineItemId, a]));
        for (const r of rows) {
          const a = final.get(r.lineItemId)!;
          if (a.cancelled) expect(r.status).toBe("CANCELLED");
          else if (a.openQuantity === 0) expect(r.status).toBe("FULFILLED");
          else if (a.backorderedQuantity > 0)
            expect([r.status, r.backorderedQuantity]).toEqual(["OPEN", a.backorderedQuantity]);
          else expect(r.status).toBe("READY");
        }
        for (const a of final.values()) {
          if (a.backorderedQuantity > 0) expect(rows.some((r) => r.lineItemId === a.lineItemId)).toBe(true);
        }
      }),
    );
  });
});

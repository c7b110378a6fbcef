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
const opened = new Date("2026-11-01T10:00:00Z");
const now = new Date("2026-11-20T12:00:00Z");

const row = (status: BackorderStatus, quantity: number, backorderedQuantity: number): ExistingBackorder => ({
  lineItemId: LINE,
  orderId: ORDER,
  status,
  quantity,
  backorderedQuantity,
  openedAt: opened,
});
const alloc = (openQuantity: number, backorderedQuantity: number, cancelled = false): Allocation => ({
  lineItemId: LINE,
  orderId: ORDER,
  openQuantity,
  backorderedQuantity,
  cancelled,
});

type Expected = {
  kind: string;
  to: BackorderStatus;
  quantity: number;
  backordered: number;
  email: string | null;
};
const confirmation = `backorder_confirmation:${LINE}`;
const ready = `backorder_ready:${LINE}:${opened.getTime()}`;

const cases: [string, ExistingBackorder | null, Allocation, Expected | null][] = [
  [
    "newly backordered line",
    null,
    alloc(3, 2),
    { kind: "create", to: "OPEN", quantity: 3, backordered: 2, email: confirmation },
  ],
  ["line covered by stock, no row", null, alloc(3, 0), null],
  [
    "OPEN, backordered units changed",
    row("OPEN", 3, 2),
    alloc(3, 1),
    { kind: "update", to: "OPEN", quantity: 3, backordered: 1, email: null },
  ],
  [
    "OPEN, partly fulfilled",
    row("OPEN", 3, 2),
    alloc(2, 2),
    { kind: "update", to: "OPEN", quantity: 2, backordered: 2, email: null },
  ],
  ["OPEN, unchanged", row("OPEN", 3, 2), alloc(3, 2), null],
  [
    "OPEN -> READY when covered while open",
    row("OPEN", 3, 2),
    alloc(3, 0),
    { kind: "ready", to: "READY", quantity: 3, backordered: 0, email: ready },
  ],
  ["READY, unchanged", row("READY", 3, 0), alloc(3, 0), null],
  [
    "READY, partly fulfilled",
    row("READY", 3, 0),
    alloc(1, 0),
    { kind: "update", to: "READY", quantity: 1, backordered: 0, email: null },
  ],
  [
    "READY -> OPEN when stock is lost",
    row("READY", 3, 0),
    alloc(3, 1),
    { kind: "reopen", to: "OPEN", quantity: 3, backordered: 1, email: null },
  ],
  [
    "OPEN -> FULFILLED",
    row("OPEN", 3, 2),
    alloc(0, 0),
    { kind: "fulfill", to: "FULFILLED", quantity: 3, backordered: 2, email: null },
  ],
  [
    "READY -> FULFILLED",
    row("READY", 3, 0),
    alloc(0, 0),
    { kind: "fulfill", to: "FULFILLED", quantity: 3, backordered: 0, email: null },
  ],
  [
    "OPEN -> CANCELLED",
    row("OPEN", 3, 2),
    alloc(0, 0, true),
    { kind: "cancel", to: "CANCELLED", quantity: 3, backordered: 2, email: null },
  ],
  [
    "READY -> CANCELLED",
    row("READY", 3, 0),
    alloc(0, 0, true),
    { kind: "cancel", to: "CANCELLED", quantity: 3, backordered: 0, email: null },
  ],
  ["CANCELLED is final", row("CANCELLED", 3, 2), alloc(3, 2), null],
  ["FULFILLED stays when covered", row("FULFILLED", 3, 0), alloc(0, 0), null],
  [
    "FULFILLED -> OPEN when a fulfillment is undone",
    row("FULFILLED", 3, 0),
    alloc(2, 2),
    { kind: "reopen", to: "OPEN", quantity: 2, backordered: 2, email: null },
  ],
  ["cancelled line never backordered: nothing", null, alloc(0, 0, true), null],
];

describe("planBackorderTransitions", () => {
  it.each(cases)("%s", (_name, previous, allocation, expected) => {
    const transitions = planBackorderTransitions(previous ? [previous] : [], [allocation], now);
    if (expected === null) return expect(transitions).toEqual([]);
    expect(transitions).toHaveLength(1);
    const [t] = transitions;
    expect({
      kind: t!.kind,
      to: t!.to,
      quantity: t!.quantity,
      backordered: t!.backorderedQuantity,
      email: t!.email?.idempotencyKey ?? null,
    }).toEqual(expected);
    expect(t!.from).toBe(previous?.status ?? null);
    expect(t!.at).toBe(now);
  });

  it("leaves a stored row alone when its line is missing from the allocation", () => {
    expect(planBackorderTransitions([row("OPEN", 3, 2)], [], now)).toEqual([]);
  });

  it("sends a ready email per episode: a re-opened line that gets ready again is told again", () => {
    const times = [1, 2, 3, 4].map((d) => new Date(Date.UTC(2026, 10, d)));
    const steps = [alloc(2, 2), alloc(2, 0), alloc(2, 1), alloc(2, 0), alloc(2, 0)];
    let rows: ExistingBackorder[] = [];
    const emails: string[] = [];
    steps.forEach((allocation, i) => {
      const transitions = planBackorderTransitions(rows, [allocation], times[Math.min(i, 3)]!);
      for (const t of transitions) if (t.email) emails.push(t.email.idempotencyKey);
      rows = applyBackorderTransitions(rows, transitions);
    });
    expect(emails).toEqual([
      confirmation,
      `backorder_ready:${LINE}:${times[0]!.getTime()}`,
      `backorder_ready:${LINE}:${times[2]!.getTime()}`,
    ]);
  });
});

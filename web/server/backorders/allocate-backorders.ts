/**
 * Which units of a variant's open order lines are backordered (docs/core-rules.md, "Backordered units").
 *
 * Shopify's `available` already has the open quantities of unfulfilled orders taken off, so a
 * negative value is exactly the number of ordered units no stock covers. Those units belong to the
 * lines served last: the newest orders (FIFO), and within a priority rule the lowest class first.
 * Pure: the result depends only on the set of lines, never on their input order.
 */

export type OpenLine = {
  lineItemId: bigint;
  orderId: bigint;
  /** Order time (Shopify created_at): older orders are served first. */
  placedAt: Date;
  /** Unfulfilled, not cancelled units (Shopify fulfillable_quantity). */
  openQuantity: number;
  /** Higher classes are served before lower ones under the "priority-class" rule (e.g. VIP = 1). */
  priorityClass?: number;
  /** Cancelled lines hold no stock whatever their openQuantity says; the planner closes them. */
  cancelled?: boolean;
};

/**
 * "fifo": oldest order first, classes ignored (the default while the merchant feature is off).
 * "priority-class": higher priorityClass first (missing = 0), FIFO within a class.
 */
export type PriorityRule = "fifo" | "priority-class";

export type Allocation = {
  lineItemId: bigint;
  orderId: bigint;
  /** Effective open quantity: 0 for a cancelled line. */
  openQuantity: number;
  backorderedQuantity: number;
  cancelled: boolean;
};

export type AllocateBackordersInput = {
  /** Sum of `available` over the shop's counted locations. */
  available: number;
  /** Variants that do not track inventory are never backordered. */
  tracked: boolean;
  lines: readonly OpenLine[];
  priority?: PriorityRule;
};

export function allocateBackorders(input: AllocateBackordersInput): Allocation[] {
  const rule = input.priority ?? "fifo";
  const open = input.lines.map((line) => ({
    line,
    openQuantity: effectiveOpenQuantity(line),
    servedClass: rule === "priority-class" ? (line.priorityClass ?? 0) : 0,
    placedMs: line.placedAt.getTime(),
  }));
  assertUniqueLineIds(input.lines);

  const backordered = new Map<bigint, number>();
  let deficit = input.tracked ? Math.max(0, -Math.trunc(input.available)) : 0;
  if (deficit > 0) {
    // Serve order: class descending, then oldest first; ids break ties so the result is
    // independent of the input order. The deficit is taken from the end of this order.
    const served = open.filter((o) => o.openQuantity > 0).sort(compareServeOrder);
    for (let i = served.length - 1; i >= 0 && deficit > 0; i--) {
      const entry = served[i]!;
      const units = Math.min(deficit, entry.openQuantity);
      backordered.set(entry.line.lineItemId, units);
      deficit -= units;
    }
  }

  return open.map(({ line, openQuantity }) => ({
    lineItemId: line.lineItemId,
    orderId: line.orderId,
    openQuantity,
    backorderedQuantity: backordered.get(line.lineItemId) ?? 0,
    cancelled: line.cancelled === true,
  }));
}

type ServeKey = { line: OpenLine; servedClass: number; placedMs: number };

/** Negative when `a` is served before `b`. */
function compareServeOrder(a: ServeKey, b: ServeKey): number {
  if (a.servedClass !== b.servedClass) return b.servedClass - a.servedClass;
  if (a.placedMs !== b.placedMs) return a.placedMs - b.placedMs;
  if (a.line.orderId !== b.line.orderId) return a.line.orderId < b.line.orderId ? -1 : 1;
  if (a.line.lineItemId !== b.line.lineItemId) return a.line.lineItemId < b.line.lineItemId ? -1 : 1;
  return 0;
}

function effectiveOpenQuantity(line: OpenLine): number {
  if (line.cancelled === true) return 0;
  const quantity = Math.trunc(line.openQuantity);
  return Number.isFinite(quantity) && quantity > 0 ? quantity : 0;
}

/** Two rows for one line item mean the caller joined badly; silently picking one would hide it. */
function assertUniqueLineIds(lines: readonly OpenLine[]): void {
  const seen = new Set<bigint>();
  for (const line of lines) {
    if (seen.has(line.lineItemId)) {
      throw new Error(`allocateBackorders: duplicate lineItemId ${line.lineItemId}`);
    }
    seen.add(line.lineItemId);
  }
}

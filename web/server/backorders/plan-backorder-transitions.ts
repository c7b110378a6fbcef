/**
 * What to write to a variant's BackorderLine rows after a fresh allocation, and which customer
 * emails those changes owe. Pure and idempotent: planning again against the applied result plans
 * nothing, so a retried or duplicated recompute has no further effect.
 *
 * Lifecycle of one row (one per backordered line item):
 *   (none) -> OPEN        the line gets backordered units; backorder_confirmation email
 *   OPEN   -> OPEN        its backordered or open quantity changed (no email)
 *   OPEN   -> READY       stock now covers it while it is still open; backorder_ready email
 *   READY  -> OPEN        stock lost again: a new backorder episode starts (no email)
 *   FULFILLED -> OPEN     a fulfillment was undone and stock does not cover it (no email)
 *   any live -> FULFILLED nothing left open; CANCELLED when the line was cancelled
 * Ready-email rule: one per episode. A re-opened line that becomes ready again gets a new email,
 * because the customer's order really was held up again; READY -> OPEN itself sends nothing (no
 * email kind says "delayed again", and the ETA-changed flow covers dates). The email key is
 * derived from the episode start (`openedAt`), which every concurrent planner reads the same.
 * CANCELLED is final (Shopify cannot un-cancel an order). A stored row whose line is missing from
 * the allocation is left alone: the caller passes every known line of the variant.
 */
import type { Allocation } from "./allocate-backorders.ts";

export type BackorderStatus = "OPEN" | "READY" | "FULFILLED" | "CANCELLED";

export type ExistingBackorder = {
  lineItemId: bigint;
  orderId: bigint;
  status: BackorderStatus;
  /** Open quantity of the line when last written. */
  quantity: number;
  backorderedQuantity: number;
  /** Start of the current backorder episode (creation, or the last re-open). */
  openedAt: Date;
};

export type TransitionKind = "create" | "update" | "ready" | "reopen" | "fulfill" | "cancel";

export type TransitionEmail = {
  kind: "backorder_confirmation" | "backorder_ready";
  /** Unique per line and episode; the caller may prefix the shop id. */
  idempotencyKey: string;
};

export type Transition = {
  kind: TransitionKind;
  lineItemId: bigint;
  orderId: bigint;
  from: BackorderStatus | null;
  to: BackorderStatus;
  /** Row values after the transition (terminal transitions keep the last live values). */
  quantity: number;
  backorderedQuantity: number;
  openedAt: Date;
  /** When it happened: readyAt / fulfilledAt / cancelledAt for those kinds. */
  at: Date;
  email: TransitionEmail | null;
};

export function planBackorderTransitions(
  previous: readonly ExistingBackorder[],
  allocation: readonly Allocation[],
  now: Date,
): Transition[] {
  const byLine = new Map(previous.map((row) => [row.lineItemId, row]));
  const transitions: Transition[] = [];
  for (const line of allocation) {
    const transition = planLine(byLine.get(line.lineItemId), line, now);
    if (transition) transitions.push(transition);
  }
  return transitions;
}

function planLine(row: ExistingBackorder | undefined, line: Allocation, now: Date): Transition | null {
  const live = row !== undefined && (row.status === "OPEN" || row.status === "READY");
  const move = (kind: TransitionKind, to: BackorderStatus, fields: Partial<Transition> = {}): Transition => ({
    kind,
    lineItemId: line.lineItemId,
    orderId: line.orderId,
    from: row?.status ?? null,
    to,
    quantity: line.openQuantity,
    backorderedQuantity: line.backorderedQuantity,
    openedAt: row?.openedAt ?? now,
    at: now,
    email: null,
    ...fields,
  });

  if (line.cancelled) return live ? move("cancel", "CANCELLED", terminalValues(row)) : null;
  if (line.openQuantity <= 0) return live ? move("fulfill", "FULFILLED", terminalValues(row)) : null;

  if (line.backorderedQuantity > 0) {
    if (row === undefined) {
      return move("create", "OPEN", { openedAt: now, email: confirmationEmail(line.lineItemId) });
    }
    if (row.status === "OPEN") return quantitiesChanged(row, line) ? move("update", "OPEN") : null;
    if (row.status === "CANCELLED") return null;
    return move("reopen", "OPEN", { openedAt: now });
  }

  // Fully covered by stock while still open.
  if (row?.status === "OPEN") {
    return move("ready", "READY", { email: readyEmail(line.lineItemId, row.openedAt) });
  }
  if (row?.status === "READY" && quantitiesChanged(row, line)) return move("update", "READY");
  return null;
}

function quantitiesChanged(row: ExistingBackorder, line: Allocation): boolean {
  return row.quantity !== line.openQuantity || row.backorderedQuantity !== line.backorderedQuantity;
}

function terminalValues(row: ExistingBackorder | undefined): Partial<Transition> {
  return row ? { quantity: row.quantity, backorderedQuantity: row.backorderedQuantity } : {};
}

function confirmationEmail(lineItemId: bigint): TransitionEmail {
  return { kind: "backorder_confirmation", idempotencyKey: `backorder_confirmation:${lineItemId}` };
}

function readyEmail(lineItemId: bigint, openedAt: Date): TransitionEmail {
  return { kind: "backorder_ready", idempotencyKey: `backorder_ready:${lineItemId}:${openedAt.getTime()}` };
}

/** The rows as they are once `transitions` are written; what the repository does, minus the I/O. */
export function applyBackorderTransitions(
  previous: readonly ExistingBackorder[],
  transitions: readonly Transition[],
): ExistingBackorder[] {
  const rows = new Map(previous.map((row) => [row.lineItemId, row]));
  for (const t of transitions) {
    rows.set(t.lineItemId, {
      lineItemId: t.lineItemId,
      orderId: t.orderId,
      status: t.to,
      quantity: t.quantity,
      backorderedQuantity: t.backorderedQuantity,
      openedAt: t.openedAt,
    });
  }
  return [...rows.values()];
}

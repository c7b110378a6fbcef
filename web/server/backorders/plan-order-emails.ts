/**
 * Which backorder emails an order owes now, from its backorder rows and the emails already in the
 * ledger for it (what the customer has been told). Pure; run under the order's lock, after the
 * state settled, so a line backordered for an instant while webhooks arrive out of order never
 * reaches the customer.
 *
 * - backorder_confirmation: once per order, when at least one line is OPEN; lists the OPEN lines.
 * - eta_changed: an announced OPEN line's ETA differs from the last one the customer was told;
 *   one email for all such lines of the order.
 * - backorder_ready: announced lines now READY that no earlier ready email listed; one email.
 * "Announced" means listed in a confirmation (or, with confirmations turned off, backordered at all).
 */
import type { BackorderStatus } from "./plan-backorder-transitions.ts";

export type OrderEmailKind = "backorder_confirmation" | "eta_changed" | "backorder_ready";

export type OrderEmailLine = {
  lineItemId: bigint;
  status: BackorderStatus;
  quantity: number;
  backorderedQuantity: number;
  /** YYYY-MM-DD or null. */
  eta: string | null;
};

/** A ledger row of this order, oldest first: the lines it listed and the ETA each carried. */
export type SentOrderEmail = { kind: OrderEmailKind; lines: { lineItemId: bigint; eta: string | null }[] };

export type OrderEmailSettings = { confirmation: boolean; etaChanged: boolean; ready: boolean };

export type PlannedOrderEmail<L extends OrderEmailLine = OrderEmailLine> = {
  kind: OrderEmailKind;
  /** 1 for the first email of this kind for the order, 2 for the second... (part of the key). */
  sequence: number;
  lines: (L & { previousEta: string | null })[];
};

export function planOrderEmails<L extends OrderEmailLine>(input: {
  lines: readonly L[];
  sent: readonly SentOrderEmail[];
  settings: OrderEmailSettings;
  /** No email for a cancelled order or one without an address. */
  reachable: boolean;
}): PlannedOrderEmail<L>[] {
  if (!input.reachable) return [];
  const count = (kind: OrderEmailKind) => input.sent.filter((e) => e.kind === kind).length;
  const lastEta = new Map<bigint, string | null>();
  const readyListed = new Set<bigint>();
  for (const email of input.sent) {
    for (const line of email.lines) {
      if (email.kind === "backorder_ready") readyListed.add(line.lineItemId);
      else lastEta.set(line.lineItemId, line.eta);
    }
  }
  const announced = (line: L) => !input.settings.confirmation || lastEta.has(line.lineItemId);
  const planned: PlannedOrderEmail<L>[] = [];

  const open = input.lines.filter((l) => l.status === "OPEN");
  const confirming = input.settings.confirmation && count("backorder_confirmation") === 0 && open.length > 0;
  if (confirming) {
    planned.push({
      kind: "backorder_confirmation",
      sequence: 1,
      lines: open.map((l) => ({ ...l, previousEta: null })),
    });
  }

  if (!confirming && input.settings.etaChanged) {
    const moved = open.filter((l) => lastEta.has(l.lineItemId) && lastEta.get(l.lineItemId) !== l.eta);
    if (moved.length > 0) {
      planned.push({
        kind: "eta_changed",
        sequence: count("eta_changed") + 1,
        lines: moved.map((l) => ({ ...l, previousEta: lastEta.get(l.lineItemId) ?? null })),
      });
    }
  }

  if (input.settings.ready) {
    const ready = input.lines.filter(
      (l) => l.status === "READY" && announced(l) && !readyListed.has(l.lineItemId),
    );
    if (ready.length > 0) {
      planned.push({
        kind: "backorder_ready",
        sequence: count("backorder_ready") + 1,
        lines: ready.map((l) => ({ ...l, previousEta: lastEta.get(l.lineItemId) ?? null })),
      });
    }
  }
  return planned;
}

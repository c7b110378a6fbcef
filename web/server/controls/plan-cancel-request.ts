/** A line of the link that still has backordered units: only those may be asked to cancel. */
export type CancellableLine = { lineItemId: bigint; title: string; backordered: number };

/** Why a cancel form was refused; its page words it in the customer's language (cancel-page-strings.ts). */
export type CancelRefusal =
  | { kind: "gone" }
  | { kind: "not_whole"; title: string }
  | { kind: "too_many"; title: string; asked: number; backordered: number }
  | { kind: "none" };

export type CancelRequestPlan =
  { ok: true; lines: { lineItemId: bigint; quantity: number }[] } | { ok: false; refusal: CancelRefusal };

/**
 * What a confirmed cancel form asks for, checked against what is still backordered now. `asked`
 * holds the form's `qty_<lineItemId>` fields; with none (an older page, a bare POST) the request
 * covers every unit still backordered. Pure.
 */
export function planCancelRequest(
  cancellable: readonly CancellableLine[],
  asked: Readonly<Record<string, unknown>>,
): CancelRequestPlan {
  const fields = Object.entries(asked).filter(([key]) => key.startsWith("qty_"));
  if (fields.length === 0) {
    return {
      ok: true,
      lines: cancellable.map((l) => ({ lineItemId: l.lineItemId, quantity: l.backordered })),
    };
  }
  const byId = new Map(cancellable.map((l) => [String(l.lineItemId), l]));
  const lines: { lineItemId: bigint; quantity: number }[] = [];
  for (const [key, value] of fields) {
    const line = byId.get(key.slice("qty_".length));
    if (!line) return { ok: false, refusal: { kind: "gone" } };
    const text = typeof value === "string" ? value.trim() : "";
    if (!/^\d{1,6}$/.test(text)) {
      return { ok: false, refusal: { kind: "not_whole", title: line.title } };
    }
    const quantity = Number(text);
    if (quantity > line.backordered) {
      const { title, backordered } = line;
      return { ok: false, refusal: { kind: "too_many", title, asked: quantity, backordered } };
    }
    if (quantity > 0) lines.push({ lineItemId: line.lineItemId, quantity });
  }
  if (lines.length === 0) return { ok: false, refusal: { kind: "none" } };
  return { ok: true, lines };
}

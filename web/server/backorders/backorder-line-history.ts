/**
 * A backorder line's unit history, decided without I/O: the counts kept on the line (initial and
 * peak backordered units), what a ready email says became ready, and whether a line was a partial
 * backorder (some units served from stock) or a full one. The events themselves are written by
 * apply-backorder-transitions.ts and read by list-backorders.ts.
 */
import type { BackorderStatus, TransitionKind } from "./plan-backorder-transitions.ts";

/** One recorded change of a line (a BackorderLineEvent row). */
export type LineEvent = {
  kind: TransitionKind;
  status: BackorderStatus;
  /** Open units of the line after the change. */
  quantity: number;
  /** Backordered units after the change. */
  backorderedQuantity: number;
  at: Date;
};

/**
 * The line's peak after it had `units` backordered. An unknown peak (a line older than the
 * history) stays unknown until the line is backordered again: a 0 is never made up.
 */
export function raisePeak(previous: number | null, units: number): number | null {
  if (previous === null) return units > 0 ? units : null;
  return Math.max(previous, units);
}

/**
 * Units of a line that were backordered and are now in stock: the most units backordered in the
 * current episode (since `openedAt`, the last (re)open), capped by what is still to ship (units
 * the merchant already shipped are not "now ready"), minus those still backordered. For a READY
 * line, what its ready email reports. Without events for the episode (a line older than the
 * history) the line's peak stands in, else its open quantity.
 */
export function readyQuantity(
  line: { quantity: number; backorderedQuantity: number; openedAt: Date; peakBackordered: number | null },
  events: readonly Pick<LineEvent, "backorderedQuantity" | "at">[],
): number {
  const episode = events.filter((e) => e.at.getTime() >= line.openedAt.getTime());
  const peak =
    episode.length > 0
      ? Math.max(...episode.map((e) => e.backorderedQuantity))
      : (line.peakBackordered ?? line.quantity);
  return Math.max(0, Math.min(peak, line.quantity) - line.backorderedQuantity);
}

export type BackorderMix = "partial" | "full";

/**
 * Partial: fewer units were ever backordered than the line ordered, so some were served from stock.
 * Full: every ordered unit was backordered. Unknown (null) without a peak or an ordered quantity.
 */
export function backorderMix(
  orderedQuantity: number | null,
  peakBackordered: number | null,
): BackorderMix | null {
  if (orderedQuantity === null || peakBackordered === null || peakBackordered <= 0) return null;
  return peakBackordered < orderedQuantity ? "partial" : "full";
}

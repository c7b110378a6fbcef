import type { VariantEta } from "./read-variant-eta.ts";

/**
 * How live stock relates to this line:
 * - `before-order` (checkout): the order is not placed, stock still counts these units;
 * - `after-order` (thank-you page): this order is the newest, and backorders go to the
 *   newest lines first (FIFO), so the whole deficit falls on it, up to its quantity;
 * - `metafields-only` (order status, days later): newer orders may have taken the
 *   deficit since, so live stock says nothing reliable about this line.
 */
export type StockMode = "before-order" | "after-order" | "metafields-only";

function clamp(value: number, max: number): number {
  return Math.min(Math.max(value, 0), max);
}

/** Units of a line that ship later than the rest of the order (0 when in stock). */
export function countLaterUnits(
  quantity: number,
  variant: VariantEta | undefined,
  available: number | undefined,
  mode: StockMode,
): number {
  if (variant === undefined || !Number.isFinite(quantity) || quantity <= 0) return 0;
  const units = Math.floor(quantity);
  if (available !== undefined && Number.isFinite(available) && mode !== "metafields-only") {
    // Live stock is newer than the metafield, which the app rewrites asynchronously.
    if (mode === "before-order") return clamp(units - Math.max(available, 0), units);
    return clamp(-available, units);
  }
  return variant.backordered === true ? units : 0;
}

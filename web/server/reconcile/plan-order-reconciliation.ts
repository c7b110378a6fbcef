/**
 * Pure decisions of order reconciliation (docs/order-reconciliation.md): which window of Shopify's
 * orders to read, which of them to feed to the webhook handlers, and how far a run got.
 */

/** Each run re-reads this much before the point the last one reached (clock skew, search-index lag). */
export const RECONCILE_OVERLAP_MS = 5 * 60_000;
/** A shop never reconciled yet reads back this far (at most to its install): past webhook retries. */
export const FIRST_RUN_LOOKBACK_MS = 3 * 24 * 3600_000;
/** A QUEUED or RUNNING run untouched this long died with its worker: a new one may start. */
export const RUN_STALE_MS = 15 * 60_000;

export type OrderTopic = "orders/create" | "orders/updated";

/** Orders updated after this instant are read. */
export function reconcileFrom(input: { reconciledThrough: Date | null; installedAt: Date; now: Date }): Date {
  const base =
    input.reconciledThrough?.getTime() ??
    Math.max(input.installedAt.getTime(), input.now.getTime() - FIRST_RUN_LOOKBACK_MS);
  return new Date(base - RECONCILE_OVERLAP_MS);
}

/** The orders query's search: a strict `>` on a quoted UTC timestamp (dates must be quoted). */
export function updatedSinceSearch(from: Date): string {
  return `updated_at:>'${from.toISOString().replace(/\.\d{3}Z$/, "Z")}'`;
}

/**
 * What a delivery of this order would have been, or null when the app already holds this version
 * (or a newer one: nothing to do, the handlers would find the payload stale). An order the app
 * never stored is an orders/create when it was created inside the window read, else an
 * orders/updated (it was placed before the app could hear of it, and changed since).
 */
export function recoveryTopic(input: {
  storedUpdatedAt: Date | null | undefined;
  updatedAt: Date;
  createdAt: Date;
  from: Date;
}): OrderTopic | null {
  if (input.storedUpdatedAt === undefined)
    return input.createdAt.getTime() > input.from.getTime() ? "orders/create" : "orders/updated";
  if (input.storedUpdatedAt === null || input.storedUpdatedAt.getTime() < input.updatedAt.getTime())
    return "orders/updated";
  return null;
}

/**
 * The point reached after a page: orders come oldest change first, so every order updated up to
 * the page's last one has been fed. Never past the run's start (orders changed during the run are
 * the next run's), never backwards.
 */
export function pointAfterPage(input: {
  current: Date | null;
  lastUpdatedAt: Date;
  runStartedAt: Date;
}): Date {
  const reached = Math.min(input.lastUpdatedAt.getTime(), input.runStartedAt.getTime());
  return new Date(Math.max(reached, input.current?.getTime() ?? 0));
}

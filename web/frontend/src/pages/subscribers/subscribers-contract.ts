// /api/subscriptions* paths and labels; the response shapes are in web/contract/api-responses.ts.
import type { DemandView } from "../../../../contract/api-responses.ts";

export type DemandRow = DemandView;
export type DemandViewName = "waiting" | "notified" | "all";
export type DemandSortName = "waiting" | "recent" | "product";
export type DemandQuery = {
  view: DemandViewName;
  sort: DemandSortName;
  query: string;
  cursor: string | null;
};

export function demandPath(q: DemandQuery): string {
  const params = new URLSearchParams({ view: q.view, sort: q.sort, limit: "25" });
  if (q.query) params.set("query", q.query);
  if (q.cursor) params.set("cursor", q.cursor);
  return `/subscriptions/demand?${params}`;
}

/** What each subscriber status means to the merchant (the list's badges, the table's headings). */
export const STATUS_HELP: Record<string, { label: string; help: string }> = {
  ACTIVE: {
    label: "Waiting",
    help: "Confirmed and waiting: gets the back-in-stock email at the next restock.",
  },
  PENDING: {
    label: "Not confirmed",
    help: "Signed up but has not clicked the confirmation email yet (double opt-in): gets no alert until then.",
  },
  NOTIFIED: { label: "Alerted", help: "Was sent the back-in-stock email at a past restock." },
  UNSUBSCRIBED: { label: "Unsubscribed", help: "Asked to stop: gets no alert." },
  EXPIRED: { label: "Expired", help: "The alert lapsed after your alert expiry period without a restock." },
};

/** Why "Send restock alert now" is unavailable, in the merchant's words. */
export function sendNowBlockedReason(row: DemandRow): string | null {
  switch (row.sendNowBlocked) {
    case "nobody_waiting":
      return row.pending > 0
        ? "Nobody is waiting yet: the people who signed up have not confirmed their email."
        : "Nobody is waiting for this variant.";
    case "not_in_stock":
      return `Not in stock: ${row.available ?? 0} available, at or below your restock threshold (Settings). Alerts go out when stock arrives.`;
    case "unknown_variant":
      return "This variant is no longer in your catalog.";
    default:
      return null;
  }
}

export const subscribersPath = (variantId: string, cursor: string | null = null, status = "") =>
  `/subscriptions/variants/${encodeURIComponent(variantId)}/subscribers?limit=50${
    cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""
  }${status ? `&status=${status}` : ""}`;
export const sendNowPath = (variantId: string) =>
  `/subscriptions/variants/${encodeURIComponent(variantId)}/send-now`;

export { variantLabel } from "../../format/variant-label.ts";

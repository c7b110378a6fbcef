// /api/subscriptions* paths and labels; the response shapes are in web/contract/api-responses.ts.
import type { TFunction } from "i18next";
import type { DemandView } from "../../../../contract/api-responses.ts";
import type { AdminKey } from "../../i18n/admin-i18n.ts";

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
export const STATUS_HELP: Record<string, { label: AdminKey; help: AdminKey }> = {
  ACTIVE: { label: "subscribers.status.active", help: "subscribers.status.activeHelp" },
  PENDING: { label: "subscribers.status.pending", help: "subscribers.status.pendingHelp" },
  NOTIFIED: { label: "subscribers.status.notified", help: "subscribers.status.notifiedHelp" },
  UNSUBSCRIBED: { label: "subscribers.status.unsubscribed", help: "subscribers.status.unsubscribedHelp" },
  EXPIRED: { label: "subscribers.status.expired", help: "subscribers.status.expiredHelp" },
};

/** Why "Send restock alert now" is unavailable, in the merchant's words. */
export function sendNowBlockedReason(row: DemandRow, t: TFunction): string | null {
  switch (row.sendNowBlocked) {
    case "nobody_waiting":
      return row.pending > 0 ? t("subscribers.blocked.unconfirmed") : t("subscribers.blocked.nobody");
    case "not_in_stock":
      return t("subscribers.blocked.notInStock", { available: row.available ?? 0 });
    case "unknown_variant":
      return t("subscribers.blocked.unknownVariant");
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

// /api/subscriptions* (web/server/subscriptions/subscription-api-routes.ts).
import { readDemand, type DemandRow } from "../dashboard/dashboard-contract.ts";

export { readDemand, type DemandRow };

export type SubscriberRow = {
  id: string;
  /** Masked by the server: the admin never receives a whole address. */
  email: string;
  status: string;
  locale: string | null;
  marketingConsent: boolean;
  createdAt: string;
  notifiedAt: string | null;
};

export function readSubscribers(body: unknown): { rows: SubscriberRow[]; nextCursor: string | null } {
  const root = body as Record<string, unknown>;
  const items = (root.subscribers ?? []) as Record<string, unknown>[];
  return {
    rows: items.map((s) => ({
      id: String(s.id),
      email: String(s.email ?? ""),
      status: String(s.status ?? ""),
      locale: s.locale == null ? null : String(s.locale),
      marketingConsent: s.marketingConsent === true,
      createdAt: String(s.createdAt ?? ""),
      notifiedAt: s.notifiedAt == null ? null : String(s.notifiedAt),
    })),
    nextCursor: root.nextCursor == null ? null : String(root.nextCursor),
  };
}

/** POST send-now answers 202 with the restock event it started and how many are waiting. */
export function readSendNow(body: unknown): { waiting: number } {
  return { waiting: Number((body as Record<string, unknown> | null)?.waiting ?? 0) };
}

export const subscribersPath = (variantId: string, cursor: string | null = null) =>
  `/subscriptions/variants/${encodeURIComponent(variantId)}/subscribers?limit=50${
    cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""
  }`;
export const sendNowPath = (variantId: string) =>
  `/subscriptions/variants/${encodeURIComponent(variantId)}/send-now`;

export const variantLabel = (row: Pick<DemandRow, "productTitle" | "variantTitle">) =>
  `${row.productTitle || "Untitled product"}${row.variantTitle ? ` — ${row.variantTitle}` : ""}`;

// /api/subscriptions* (subscriptions feature).
import { readDemand, type DemandRow } from "../dashboard/dashboard-contract.ts";

export { readDemand, type DemandRow };

export type SubscriberRow = {
  id: string;
  email: string;
  status: string;
  locale: string | null;
  createdAt: string;
  notifiedAt: string | null;
};

export function readSubscribers(body: unknown): {
  rows: SubscriberRow[];
  hasNext: boolean;
  nextCursor: string | null;
} {
  const root = body as Record<string, unknown>;
  const items = (root.subscribers ?? root.subscriptions ?? root.items ?? []) as Record<string, unknown>[];
  return {
    rows: items.map((s) => ({
      id: String(s.id),
      // The server masks addresses; the admin never receives them whole.
      email: String(s.email ?? s.maskedEmail ?? ""),
      status: String(s.status ?? ""),
      locale: s.locale == null ? null : String(s.locale),
      createdAt: String(s.createdAt ?? ""),
      notifiedAt: s.notifiedAt == null ? null : String(s.notifiedAt),
    })),
    hasNext: Boolean(root.hasNext ?? root.nextCursor),
    nextCursor: root.nextCursor == null ? null : String(root.nextCursor),
  };
}

export const subscribersPath = (variantId: string) =>
  `/subscriptions/variants/${encodeURIComponent(variantId)}/subscribers`;
export const sendNowPath = (variantId: string) =>
  `/subscriptions/variants/${encodeURIComponent(variantId)}/send-now`;

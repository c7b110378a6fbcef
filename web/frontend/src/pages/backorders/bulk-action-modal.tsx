import { Banner, Text } from "@shopify/polaris";
import { useState } from "react";
import { AppModal, AppModalSection } from "../../app-bridge/app-modal.tsx";
import { errorMessage, useApiClient } from "../../api/use-api.ts";
import { useToast } from "../../components/toast.tsx";
import { formatNumber } from "../../format/format.ts";
import type { BulkBackorderActionResponse } from "../../../../contract/api-responses.ts";
import type { BackorderRow } from "./backorders-contract.ts";

export type BulkAction = "resend" | "cancel";

const plural = (n: number, one: string, many: string) => `${formatNumber(n)} ${n === 1 ? one : many}`;

// The two bulk actions' words, grouped here.
const TEXT: Record<
  BulkAction,
  {
    path: string;
    title: string;
    confirm: string;
    body: (lines: string, customers: string) => string;
    done: (r: BulkBackorderActionResponse) => string;
  }
> = {
  resend: {
    path: "/backorders/bulk/resend-email",
    title: "Resend backorder email",
    confirm: "Resend email",
    body: (lines, customers) =>
      `${customers} will get their backorder email again, listing ${lines} with today's ETA. Cancelled orders and orders without an email are skipped.`,
    done: (r) =>
      r.orders === 0
        ? "No email sent: no selected line is still waiting for stock"
        : `Backorder email resent to ${plural(r.orders, "customer", "customers")}`,
  },
  cancel: {
    path: "/backorders/bulk/request-cancellation",
    title: "Request cancellation",
    confirm: "Request cancellation",
    body: (lines, customers) =>
      `A cancellation request is recorded for ${lines} (${customers}), in Cancel requests above. Nothing is refunded or cancelled in Shopify until you do it there.`,
    done: (r) =>
      r.orders === 0
        ? "No request recorded: no selected line is still waiting for stock"
        : `Cancellation requested for ${plural(r.lines, "line", "lines")} in ${plural(r.orders, "order", "orders")}`,
  },
};

/**
 * Confirms a bulk action on the selected lines (how many lines and customers), then runs it once:
 * the request key is made when the modal opens, so a double click or a retry acts once.
 */
export function BulkActionModal({
  action,
  rows,
  onClose,
  onDone,
}: {
  action: BulkAction;
  rows: BackorderRow[];
  onClose: () => void;
  onDone: () => void;
}) {
  const api = useApiClient();
  const toast = useToast();
  const [requestKey] = useState(() => crypto.randomUUID());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const text = TEXT[action];
  const customers = new Set(rows.map((r) => r.customerEmail ?? r.orderId)).size;
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const result = await api.request<BulkBackorderActionResponse>(text.path, {
        method: "POST",
        body: { lineIds: rows.map((r) => r.id), requestKey },
      });
      toast(text.done(result));
      onDone();
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };
  return (
    <AppModal
      title={text.title}
      onClose={onClose}
      primaryAction={{ content: text.confirm, onAction: () => void run(), loading: busy }}
      secondaryActions={[{ content: "Cancel", onAction: onClose, disabled: busy }]}
    >
      <AppModalSection>
        <Text as="p">
          {text.body(plural(rows.length, "line", "lines"), plural(customers, "customer", "customers"))}
        </Text>
        {error ? (
          <Banner tone="critical" title="Nothing was done">
            <p>{error}</p>
          </Banner>
        ) : null}
      </AppModalSection>
    </AppModal>
  );
}

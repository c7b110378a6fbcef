import { useTranslation } from "react-i18next";
import { Banner, Text } from "@shopify/polaris";
import { useState } from "react";
import { AppModal, AppModalSection } from "../../app-bridge/app-modal.tsx";
import { errorMessage, useApiClient } from "../../api/use-api.ts";
import { useToast } from "../../components/toast.tsx";
import type { TFunction } from "i18next";
import { useFormats } from "../../format/use-formats.tsx";
import type { BulkBackorderActionResponse } from "../../../../contract/api-responses.ts";
import type { BackorderRow } from "./backorders-contract.ts";

export type BulkAction = "resend" | "cancel";

// The two bulk actions' words (i18n/locales, backorders.bulk), grouped here.
const TEXT: Record<
  BulkAction,
  {
    path: string;
    title: (t: TFunction) => string;
    confirm: (t: TFunction) => string;
    body: (t: TFunction, counts: { lines: string; customers: string }) => string;
    done: (t: TFunction, r: BulkBackorderActionResponse, n: (x: number) => string) => string;
  }
> = {
  resend: {
    path: "/backorders/bulk/resend-email",
    title: (t) => t("backorders.resendEmail"),
    confirm: (t) => t("backorders.bulk.resendConfirm"),
    body: (t, counts) => t("backorders.bulk.resendBody", counts),
    done: (t, r, n) =>
      r.orders === 0
        ? t("backorders.bulk.resendNone")
        : t("backorders.bulk.resendDone", {
            customers: t("backorders.bulk.customers", { count: r.orders, n: n(r.orders) }),
          }),
  },
  cancel: {
    path: "/backorders/bulk/request-cancellation",
    title: (t) => t("backorders.requestCancellation"),
    confirm: (t) => t("backorders.requestCancellation"),
    body: (t, counts) => t("backorders.bulk.cancelBody", counts),
    done: (t, r, n) =>
      r.orders === 0
        ? t("backorders.bulk.cancelNone")
        : t("backorders.bulk.cancelDone", {
            lines: t("backorders.bulk.lines", { count: r.lines, n: n(r.lines) }),
            orders: t("backorders.bulk.orders", { count: r.orders, n: n(r.orders) }),
          }),
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
  const { t } = useTranslation();
  const f = useFormats();
  const n = (x: number) => f.number(x);
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
      toast(text.done(t, result, n));
      onDone();
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };
  return (
    <AppModal
      title={text.title(t)}
      onClose={onClose}
      primaryAction={{ content: text.confirm(t), onAction: () => void run(), loading: busy }}
      secondaryActions={[{ content: t("common.cancel"), onAction: onClose, disabled: busy }]}
    >
      <AppModalSection>
        <Text as="p">
          {text.body(t, {
            lines: t("backorders.bulk.lines", { count: rows.length, n: n(rows.length) }),
            customers: t("backorders.bulk.customers", { count: customers, n: n(customers) }),
          })}
        </Text>
        {error ? (
          <Banner tone="critical" title={t("backorders.bulk.failed")}>
            <p>{error}</p>
          </Banner>
        ) : null}
      </AppModalSection>
    </AppModal>
  );
}

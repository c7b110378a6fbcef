import { useTranslation } from "react-i18next";
import { BlockStack, Button, Card, DataTable, InlineStack, Link, Text } from "@shopify/polaris";
import { useState } from "react";
import { ApiError } from "../../api/api-client.ts";
import { appBridge } from "../../api/session-token.ts";
import { errorMessage, useApi, useApiClient } from "../../api/use-api.ts";
import { ErrorBanner } from "../../components/page-states.tsx";
import { useToast } from "../../components/toast.tsx";
import { useFormats } from "../../format/use-formats.tsx";
import type { CancelRequestsResponse } from "../../../../contract/api-responses.ts";
import { orderAdminUrl } from "./backorders-contract.ts";

/**
 * Customers who asked (from an ETA-changed email) to cancel backordered items: the merchant cancels
 * in Shopify, then marks the request done, or dismisses it. Hidden while there are none.
 */
export function CancelRequestsCard({ shop }: { shop: string | null }) {
  const { t } = useTranslation();
  const f = useFormats();
  const api = useApiClient();
  const toast = useToast();
  const state = useApi<CancelRequestsResponse>("/controls/cancel-requests?status=REQUESTED&limit=50");
  const [busy, setBusy] = useState<string | null>(null);
  if (state.error instanceof ApiError && state.error.isMissingRoute) return null;
  if (state.error) return <ErrorBanner error={state.error} onRetry={state.reload} />;
  const requests = state.data?.requests ?? [];
  if (requests.length === 0) return null;

  const resolve = async (id: string, status: "DONE" | "DISMISSED") => {
    setBusy(id);
    try {
      await api.request(`/controls/cancel-requests/${id}`, { method: "PATCH", body: { status } });
      toast(status === "DONE" ? t("backorders.requestDone") : t("backorders.requestDismissed"));
      state.reload();
    } catch (e) {
      toast(errorMessage(e), { error: true });
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingSm">
          {t("backorders.cancelRequests", { count: requests.length })}
        </Text>
        <Text as="p" tone="subdued">
          {t("backorders.cancelRequestsBody")}
        </Text>
        <DataTable
          columnContentTypes={["text", "text", "text", "text"]}
          headings={[t("backorders.order"), t("backorders.items"), t("backorders.requested"), ""]}
          rows={requests.map((r) => [
            <Link key="order" url={orderAdminUrl(shop, r.orderId, Boolean(appBridge()))} target="_blank">
              {r.orderName ?? `#${r.orderId}`}
            </Link>,
            r.lines.map((l) => `${l.quantity} × ${l.title || t("backorders.item")}`).join(", "),
            f.dateTime(r.requestedAt),
            <InlineStack key="actions" gap="200" wrap={false}>
              <Button size="slim" loading={busy === r.id} onClick={() => resolve(r.id, "DONE")}>
                {t("backorders.markDone")}
              </Button>
              <Button
                size="slim"
                variant="plain"
                disabled={busy === r.id}
                onClick={() => resolve(r.id, "DISMISSED")}
              >
                {t("backorders.dismiss")}
              </Button>
            </InlineStack>,
          ])}
        />
      </BlockStack>
    </Card>
  );
}

import { Badge, Banner, DataTable, Modal, Text } from "@shopify/polaris";
import { useState } from "react";
import { errorMessage, useApi, useApiClient } from "../../api/use-api.ts";
import { ApiView, CardSkeleton } from "../../components/page-states.tsx";
import { formatDateTime } from "../../format/format.ts";
import { readSubscribers, sendNowPath, subscribersPath, type DemandRow } from "./subscribers-contract.ts";

/** One variant's subscribers (masked) and the manual "send now" of a restock wave. */
export function SubscribersModal({
  variant,
  onClose,
  onSent,
}: {
  variant: DemandRow;
  onClose: () => void;
  onSent: (message: string) => void;
}) {
  const api = useApiClient();
  const state = useApi<unknown>(subscribersPath(variant.variantId));
  const [confirming, setConfirming] = useState(false);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const title = `${variant.productTitle}${variant.variantTitle ? ` — ${variant.variantTitle}` : ""}`;

  const sendNow = async () => {
    setSending(true);
    setError(null);
    try {
      const result = await api.request<{ queued?: number; notified?: number }>(
        sendNowPath(variant.variantId),
        { method: "POST", body: {} },
      );
      const count = result?.queued ?? result?.notified;
      onSent(
        count === undefined
          ? "Restock wave started"
          : `Restock wave started: ${count} alert${count === 1 ? "" : "s"} queued`,
      );
    } catch (e) {
      setError(errorMessage(e));
      setSending(false);
      setConfirming(false);
    }
  };

  return (
    <Modal
      open
      onClose={onClose}
      title={title}
      primaryAction={
        confirming
          ? {
              content: `Send to ${variant.active} subscriber${variant.active === 1 ? "" : "s"}`,
              destructive: true,
              onAction: sendNow,
              loading: sending,
            }
          : {
              content: "Send restock alert now",
              onAction: () => setConfirming(true),
              disabled: variant.active === 0,
            }
      }
      secondaryActions={[
        {
          content: confirming ? "Don't send" : "Close",
          onAction: confirming ? () => setConfirming(false) : onClose,
        },
      ]}
    >
      <Modal.Section>
        {confirming ? (
          <Banner tone="warning" title="Send a restock wave now?">
            <p>
              Active subscribers get the restock email now, oldest first, whatever the stock. Each subscriber
              gets at most one alert per restock.
            </p>
          </Banner>
        ) : null}
        {error ? (
          <Banner tone="critical" title="Could not send">
            <p>{error}</p>
          </Banner>
        ) : null}
        <ApiView state={state} what="The subscriber list" skeleton={<CardSkeleton lines={6} />}>
          {(body) => {
            const { rows } = readSubscribers(body);
            if (rows.length === 0)
              return (
                <Text as="p" tone="subdued">
                  No subscribers for this variant.
                </Text>
              );
            return (
              <DataTable
                columnContentTypes={["text", "text", "text", "text"]}
                headings={["Email", "Status", "Subscribed", "Notified"]}
                rows={rows.map((s) => [
                  s.email,
                  <Badge key={s.id}>{s.status.toLowerCase()}</Badge>,
                  formatDateTime(s.createdAt),
                  formatDateTime(s.notifiedAt),
                ])}
              />
            );
          }}
        </ApiView>
      </Modal.Section>
    </Modal>
  );
}

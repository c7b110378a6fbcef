import { Banner, Text } from "@shopify/polaris";
import { AppModal, AppModalSection } from "../../app-bridge/app-modal.tsx";
import { useState } from "react";
import { errorMessage, useApiClient } from "../../api/use-api.ts";
import { formatNumber } from "../../format/format.ts";
import { SubscriberList } from "./subscriber-list.tsx";
import type { SendNowResponse } from "../../../../contract/api-responses.ts";
import { sendNowBlockedReason, sendNowPath, variantLabel, type DemandRow } from "./subscribers-contract.ts";

const plural = (n: number, word: string) => `${formatNumber(n)} ${word}${n === 1 ? "" : "s"}`;

/**
 * One variant's subscribers and the manual "send now" of a restock wave; when the wave cannot start,
 * the modal says why beside the disabled button.
 */
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
  const [confirming, setConfirming] = useState(false);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const blocked = sendNowBlockedReason(variant);

  const sendNow = async () => {
    setSending(true);
    setError(null);
    try {
      const result = await api.request<SendNowResponse>(sendNowPath(variant.variantId), {
        method: "POST",
        body: {},
      });
      onSent(`Restock wave started for ${plural(result.waiting, "waiting subscriber")}`);
    } catch (e) {
      setError(errorMessage(e));
      setSending(false);
      setConfirming(false);
    }
  };

  return (
    <AppModal
      onClose={onClose}
      title={variantLabel(variant)}
      primaryAction={
        confirming
          ? { content: "Start the wave", onAction: sendNow, loading: sending }
          : {
              content: "Send restock alert now",
              onAction: () => setConfirming(true),
              disabled: blocked !== null,
            }
      }
      secondaryActions={[
        {
          content: confirming ? "Don't send" : "Close",
          onAction: confirming ? () => setConfirming(false) : onClose,
        },
      ]}
    >
      {blocked && !confirming ? (
        <AppModalSection>
          <Text as="p" tone="subdued" id="send-now-blocked">
            Send restock alert now is unavailable. {blocked}
          </Text>
        </AppModalSection>
      ) : null}
      {confirming || error ? (
        <AppModalSection>
          {confirming ? (
            <Banner tone="warning" title="Start a restock wave now?">
              <p>
                {plural(variant.waiting, "active subscriber")} will be emailed, oldest first, in waves sized
                by the stock available (your wave settings), without waiting for the next inventory update.
                Each subscriber gets at most one alert per restock.
              </p>
            </Banner>
          ) : null}
          {error ? (
            <Banner tone="critical" title="Could not start the wave">
              <p>{error}</p>
            </Banner>
          ) : null}
        </AppModalSection>
      ) : null}
      <AppModalSection>
        <SubscriberList variantId={variant.variantId} />
      </AppModalSection>
    </AppModal>
  );
}

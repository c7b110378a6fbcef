import { useTranslation } from "react-i18next";
import { Banner, Text } from "@shopify/polaris";
import { AppModal, AppModalSection } from "../../app-bridge/app-modal.tsx";
import { useState } from "react";
import { errorMessage, useApiClient } from "../../api/use-api.ts";
import { useFormats } from "../../format/use-formats.tsx";
import { SubscriberList } from "./subscriber-list.tsx";
import type { SendNowResponse } from "../../../../contract/api-responses.ts";
import { sendNowBlockedReason, sendNowPath, variantLabel, type DemandRow } from "./subscribers-contract.ts";

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
  const { t } = useTranslation();
  const f = useFormats();
  const api = useApiClient();
  const [confirming, setConfirming] = useState(false);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const blocked = sendNowBlockedReason(variant, t);

  const sendNow = async () => {
    setSending(true);
    setError(null);
    try {
      const result = await api.request<SendNowResponse>(sendNowPath(variant.variantId), {
        method: "POST",
        body: {},
      });
      onSent(t("subscribers.waveStarted", { count: result.waiting, n: f.number(result.waiting) }));
    } catch (e) {
      setError(errorMessage(e));
      setSending(false);
      setConfirming(false);
    }
  };

  return (
    <AppModal
      onClose={onClose}
      title={variantLabel(variant, t("common.untitledProduct"))}
      primaryAction={
        confirming
          ? { content: t("subscribers.startWave"), onAction: sendNow, loading: sending }
          : {
              content: t("subscribers.sendNow"),
              onAction: () => setConfirming(true),
              disabled: blocked !== null,
            }
      }
      secondaryActions={[
        {
          content: confirming ? t("subscribers.dontSend") : t("common.close"),
          onAction: confirming ? () => setConfirming(false) : onClose,
        },
      ]}
    >
      {blocked && !confirming ? (
        <AppModalSection>
          <Text as="p" tone="subdued" id="send-now-blocked">
            {t("subscribers.sendNowUnavailable", { reason: blocked })}
          </Text>
        </AppModalSection>
      ) : null}
      {confirming || error ? (
        <AppModalSection>
          {confirming ? (
            <Banner tone="warning" title={t("subscribers.confirmTitle")}>
              <p>{t("subscribers.confirmBody", { count: variant.waiting, n: f.number(variant.waiting) })}</p>
            </Banner>
          ) : null}
          {error ? (
            <Banner tone="critical" title={t("subscribers.waveFailed")}>
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

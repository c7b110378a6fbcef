import { useTranslation } from "react-i18next";
import { FormLayout, Text, TextField } from "@shopify/polaris";
import { AppModal, AppModalSection } from "../../app-bridge/app-modal.tsx";
import { useState } from "react";
import { ApiError } from "../../api/api-client.ts";
import { errorMessage, useApiClient } from "../../api/use-api.ts";
import { PastEtaWarning } from "./past-eta-warning.tsx";

/** Sets one date and message on many variants at once. */
export function EtaBulkModal({
  variantIds,
  today,
  onClose,
  onSaved,
}: {
  variantIds: string[];
  /** The shop's calendar day, `YYYY-MM-DD`. */
  today: string;
  onClose: () => void;
  onSaved: (count: number) => void;
}) {
  const { t } = useTranslation();
  const api = useApiClient();
  const [eta, setEta] = useState("");
  const [message, setMessage] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      await api.request("/etas/bulk", {
        method: "POST",
        body: { variantIds, eta: eta || null, message: message.trim() || null },
      });
      onSaved(variantIds.length);
    } catch (e) {
      setError(e instanceof ApiError && e.status === 404 ? t("etas.bulkUnavailable") : errorMessage(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <AppModal
      onClose={onClose}
      title={t("etas.bulkTitle", { count: variantIds.length, n: variantIds.length })}
      primaryAction={{ content: t("etas.setEta"), onAction: save, loading: saving }}
      secondaryActions={[{ content: t("common.cancel"), onAction: onClose }]}
    >
      <AppModalSection>
        <FormLayout>
          <TextField
            label={t("etas.expectedDate")}
            type="date"
            value={eta}
            onChange={setEta}
            autoComplete="off"
            helpText={t("etas.leaveEmptyToClearThe")}
            error={error ?? undefined}
          />
          <PastEtaWarning eta={eta} today={today} />
          <TextField
            label={t("etas.messageShownToShoppers")}
            value={message}
            onChange={setMessage}
            autoComplete="off"
            maxLength={200}
            showCharacterCount
          />
          <Text as="p" tone="subdued">
            {t("etas.bulkNote")}
          </Text>
        </FormLayout>
      </AppModalSection>
    </AppModal>
  );
}

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
      setError(
        e instanceof ApiError && e.status === 404
          ? "Bulk ETA editing is not available on this server yet."
          : errorMessage(e),
      );
    } finally {
      setSaving(false);
    }
  };
  return (
    <AppModal
      onClose={onClose}
      title={`Set ETA for ${variantIds.length} variant${variantIds.length === 1 ? "" : "s"}`}
      primaryAction={{ content: "Set ETA", onAction: save, loading: saving }}
      secondaryActions={[{ content: "Cancel", onAction: onClose }]}
    >
      <AppModalSection>
        <FormLayout>
          <TextField
            label="Expected date"
            type="date"
            value={eta}
            onChange={setEta}
            autoComplete="off"
            helpText="Leave empty to clear the date"
            error={error ?? undefined}
          />
          <PastEtaWarning eta={eta} today={today} />
          <TextField
            label="Message shown to shoppers"
            value={message}
            onChange={setMessage}
            autoComplete="off"
            maxLength={200}
            showCharacterCount
          />
          <Text as="p" tone="subdued">
            Customers with open backorders of these variants get one “ETA changed” email per order.
          </Text>
        </FormLayout>
      </AppModalSection>
    </AppModal>
  );
}

import { Button, InlineStack, TextField } from "@shopify/polaris";
import { useState } from "react";
import { errorMessage, useApiClient } from "../../api/use-api.ts";
import type { EtaRowView } from "./etas-contract.ts";

/** Edits one variant's ETA in its table row; Enter saves, Escape cancels. */
export function EtaInlineEditor({ row, onDone }: { row: EtaRowView; onDone: (saved: boolean) => void }) {
  const api = useApiClient();
  const [eta, setEta] = useState(row.explicitEta ?? "");
  const [message, setMessage] = useState(row.explicitMessage ?? "");
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const save = async () => {
    setSaving(true);
    try {
      await api.request(`/etas/${row.variantId}`, {
        method: "PUT",
        body: { eta: eta || null, message: message.trim() || null },
      });
      onDone(true);
    } catch (e) {
      setError(errorMessage(e));
      setSaving(false);
    }
  };
  return (
    <div
      onKeyDown={(event) => {
        if (event.key === "Escape") onDone(false);
        if (event.key === "Enter") void save();
      }}
    >
      <InlineStack gap="200" blockAlign="start" wrap={false}>
        <TextField
          label="ETA"
          labelHidden
          type="date"
          value={eta}
          onChange={setEta}
          autoComplete="off"
          error={error ?? undefined}
          autoFocus
        />
        <TextField
          label="Message"
          labelHidden
          placeholder="Message"
          value={message}
          onChange={setMessage}
          autoComplete="off"
          maxLength={200}
        />
        <Button variant="primary" onClick={save} loading={saving}>
          Save
        </Button>
        <Button onClick={() => onDone(false)}>Cancel</Button>
      </InlineStack>
    </div>
  );
}

import { useTranslation } from "react-i18next";
import { BlockStack, Button, Card, ChoiceList, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { useApiClient, errorMessage } from "../../api/use-api.ts";
import { EVENT_TYPES } from "./integrations-contract.ts";

/** Adds an endpoint; its signing secret comes back once and is handed to `onCreated`. */
export function WebhookEndpointForm({ onCreated }: { onCreated: (secret: string) => void }) {
  const { t } = useTranslation();
  const api = useApiClient();
  const [url, setUrl] = useState("");
  const [events, setEvents] = useState<string[]>(EVENT_TYPES.map((e) => e.value));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    setSaving(true);
    setError(null);
    try {
      const { secret } = await api.request<{ secret: string }>("/integrations/webhooks", {
        method: "POST",
        body: { url, events },
      });
      setUrl("");
      onCreated(secret);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("integrations.addAnEndpoint")}
        </Text>
        <TextField
          label={t("integrations.endpointUrl")}
          value={url}
          onChange={setUrl}
          autoComplete="off"
          placeholder="https://example.com/webhooks/backorder-hub"
          error={error ?? undefined}
        />
        <ChoiceList
          allowMultiple
          title={t("integrations.events")}
          choices={EVENT_TYPES.map((e) => ({ label: t(e.label), value: e.value }))}
          selected={events}
          onChange={setEvents}
        />
        <Button variant="primary" onClick={submit} loading={saving} disabled={!url || events.length === 0}>
          {t("integrations.addEndpoint")}
        </Button>
      </BlockStack>
    </Card>
  );
}

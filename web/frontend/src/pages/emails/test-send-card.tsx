import { useTranslation } from "react-i18next";
import { BlockStack, Button, Card, InlineStack, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { errorMessage, useApiClient } from "../../api/use-api.ts";
import { useToast } from "../../components/toast.tsx";

/** Sends the saved template, with sample data, to one address. */
export function TestSendCard({ kind, locale, dirty }: { kind: string; locale: string; dirty: boolean }) {
  const { t } = useTranslation();
  const api = useApiClient();
  const toast = useToast();
  const [to, setTo] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const send = async () => {
    setSending(true);
    setError(null);
    try {
      await api.request("/emails/test-send", { method: "POST", body: { kind, locale, to } });
      toast(t("emails.testQueued", { to }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSending(false);
    }
  };
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingSm">
          {t("emails.sendATest")}
        </Text>
        <InlineStack gap="200" blockAlign="end" wrap={false}>
          <div style={{ flexGrow: 1 }}>
            <TextField
              label={t("emails.emailAddress")}
              type="email"
              value={to}
              onChange={setTo}
              autoComplete="email"
              error={error ?? undefined}
            />
          </div>
          <Button onClick={send} loading={sending} disabled={!to.includes("@")}>
            {t("emails.sendTest")}
          </Button>
        </InlineStack>
        {dirty ? (
          <Text as="p" variant="bodySm" tone="subdued">
            {t("emails.testUsesSaved")}
          </Text>
        ) : null}
      </BlockStack>
    </Card>
  );
}

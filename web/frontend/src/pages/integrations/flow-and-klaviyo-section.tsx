import { useTranslation } from "react-i18next";
import { Badge, BlockStack, Button, Card, InlineStack, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { errorMessage, useApi, useApiClient } from "../../api/use-api.ts";
import { ApiView } from "../../components/page-states.tsx";

const TRIGGERS = [
  ["backorder-created", "events.backorderCreated"],
  ["backorder-ready", "events.backorderReady"],
  ["eta-changed", "events.etaChanged"],
  ["variant-back-in-stock", "events.variantBackInStock"],
  ["back-in-stock-signup", "events.subscriptionCreated"],
] as const;

/** Shopify Flow (which triggers a workflow uses) and the Klaviyo connection. */
export function FlowAndKlaviyoSection() {
  const { t } = useTranslation();
  const api = useApiClient();
  const flow = useApi<{ triggers: { handle: string; enabled: boolean }[] }>("/integrations/flow");
  const klaviyo = useApi<{ connected: boolean }>("/integrations/klaviyo");
  const [key, setKey] = useState("");
  const [error, setError] = useState<string | null>(null);
  const save = async (method: "PUT" | "DELETE") => {
    setError(null);
    try {
      await api.request("/integrations/klaviyo", {
        method,
        body: method === "PUT" ? { privateKey: key } : undefined,
      });
      setKey("");
      klaviyo.reload();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <BlockStack gap="400">
      <Card>
        <BlockStack gap="200">
          <Text as="h2" variant="headingMd">
            {t("integrations.flow")}
          </Text>
          <Text as="p" tone="subdued">
            {t("integrations.flowBody")}
          </Text>
          <ApiView state={flow} what="Flow">
            {({ triggers }) => (
              <BlockStack gap="100">
                {TRIGGERS.map(([handle, label]) => {
                  const on = triggers.some((trigger) => trigger.handle === handle && trigger.enabled);
                  return (
                    <InlineStack key={handle} gap="200" blockAlign="center">
                      <Text as="span">{t(label)}</Text>
                      <Badge tone={on ? "success" : undefined}>
                        {on ? t("integrations.inUse") : t("integrations.notUsed")}
                      </Badge>
                    </InlineStack>
                  );
                })}
              </BlockStack>
            )}
          </ApiView>
        </BlockStack>
      </Card>
      <Card>
        <BlockStack gap="200">
          <Text as="h2" variant="headingMd">
            Klaviyo
          </Text>
          <ApiView state={klaviyo} what="Klaviyo">
            {({ connected }) => (
              <BlockStack gap="200">
                <Text as="p">
                  {connected ? t("integrations.klaviyoConnected") : t("integrations.klaviyoPitch")}
                </Text>
                <TextField
                  label={t("integrations.klaviyoPrivateApiKey")}
                  type="password"
                  value={key}
                  onChange={setKey}
                  autoComplete="off"
                  error={error ?? undefined}
                />
                <InlineStack gap="200">
                  <Button onClick={() => void save("PUT")} disabled={!key}>
                    {connected ? t("integrations.replaceKey") : t("integrations.connect")}
                  </Button>
                  {connected ? (
                    <Button tone="critical" onClick={() => void save("DELETE")}>
                      {t("integrations.disconnect")}
                    </Button>
                  ) : null}
                </InlineStack>
              </BlockStack>
            )}
          </ApiView>
        </BlockStack>
      </Card>
    </BlockStack>
  );
}

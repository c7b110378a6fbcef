import { useTranslation } from "react-i18next";
import { Badge, Banner, BlockStack, Button, Card, InlineStack, Text } from "@shopify/polaris";
import { useState } from "react";
import { useApi, useApiClient } from "../../api/use-api.ts";
import { ApiView } from "../../components/page-states.tsx";
import { useFormats } from "../../format/use-formats.tsx";
import type { WebhookEndpoint } from "./integrations-contract.ts";
import { SecretBanner } from "./secret-banner.tsx";
import { WebhookDeliveriesCard } from "./webhook-deliveries-card.tsx";
import { WebhookEndpointForm } from "./webhook-endpoint-form.tsx";

/** Outgoing webhooks: endpoints, a banner for any the app disabled, secrets shown once. */
export function WebhookEndpointsSection() {
  const { t } = useTranslation();
  const f = useFormats();
  const api = useApiClient();
  const state = useApi<{ endpoints: WebhookEndpoint[] }>("/integrations/webhooks");
  const [secret, setSecret] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const act = async (path: string, method: string, body?: unknown) => {
    const answer = await api.request<{ secret?: string } | null>(path, { method, body });
    if (answer?.secret) setSecret(answer.secret);
    state.reload();
  };
  return (
    <BlockStack gap="400">
      <Text as="h2" variant="headingLg">
        {t("integrations.outgoingWebhooks")}
      </Text>
      {secret ? (
        <SecretBanner
          title={t("integrations.signingSecret")}
          value={secret}
          onDismiss={() => setSecret(null)}
        />
      ) : null}
      <ApiView state={state} what={t("integrations.webhooks")}>
        {({ endpoints }) => (
          <BlockStack gap="300">
            {endpoints
              .filter((e) => !e.enabled && e.disabledAt)
              .map((e) => (
                <Banner key={e.id} tone="critical" title={t("integrations.endpointDisabled", { url: e.url })}>
                  <p>
                    {t("integrations.disabledBody", {
                      reason: e.disabledReason,
                      since: f.dateTime(e.disabledAt),
                    })}
                  </p>
                </Banner>
              ))}
            {endpoints.map((e) => (
              <section key={e.id} aria-label={t("integrations.endpointLabel", { url: e.url })}>
                <Card>
                  <BlockStack gap="200">
                    <InlineStack align="space-between" blockAlign="center">
                      <Text as="h3" variant="headingSm" breakWord>
                        {e.url}
                      </Text>
                      <Badge tone={e.enabled ? "success" : "critical"}>
                        {e.enabled ? t("integrations.enabled") : t("integrations.disabled")}
                      </Badge>
                    </InlineStack>
                    <Text as="p" tone="subdued">
                      {e.events.join(", ")}
                    </Text>
                    <InlineStack gap="200">
                      <Button onClick={() => setOpen(open === e.id ? null : e.id)}>
                        {open === e.id
                          ? t("integrations.hideDeliveries")
                          : t("integrations.deliveriesButton")}
                      </Button>
                      <Button
                        onClick={() => void act(`/integrations/webhooks/${e.id}/rotate-secret`, "POST")}
                      >
                        {t("integrations.rotateSecret")}
                      </Button>
                      <Button
                        onClick={() =>
                          void act(`/integrations/webhooks/${e.id}`, "PATCH", { enabled: !e.enabled })
                        }
                      >
                        {e.enabled ? t("integrations.disable") : t("integrations.enable")}
                      </Button>
                      <Button
                        tone="critical"
                        onClick={() => void act(`/integrations/webhooks/${e.id}`, "DELETE")}
                      >
                        {t("integrations.delete")}
                      </Button>
                    </InlineStack>
                    {open === e.id ? <WebhookDeliveriesCard endpoint={e} /> : null}
                  </BlockStack>
                </Card>
              </section>
            ))}
            <WebhookEndpointForm
              onCreated={(s) => {
                setSecret(s);
                state.reload();
              }}
            />
          </BlockStack>
        )}
      </ApiView>
    </BlockStack>
  );
}

import { Badge, Banner, BlockStack, Button, Card, InlineStack, Text } from "@shopify/polaris";
import { useState } from "react";
import { useApi, useApiClient } from "../../api/use-api.ts";
import { ApiView } from "../../components/page-states.tsx";
import { formatDateTime } from "../../format/format.ts";
import type { WebhookEndpoint } from "./integrations-contract.ts";
import { SecretBanner } from "./secret-banner.tsx";
import { WebhookDeliveriesCard } from "./webhook-deliveries-card.tsx";
import { WebhookEndpointForm } from "./webhook-endpoint-form.tsx";

/** Outgoing webhooks: endpoints, a banner for any the app disabled, secrets shown once. */
export function WebhookEndpointsSection() {
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
        Outgoing webhooks
      </Text>
      {secret ? (
        <SecretBanner title="Signing secret" value={secret} onDismiss={() => setSecret(null)} />
      ) : null}
      <ApiView state={state} what="Webhooks">
        {({ endpoints }) => (
          <BlockStack gap="300">
            {endpoints
              .filter((e) => !e.enabled && e.disabledAt)
              .map((e) => (
                <Banner key={e.id} tone="critical" title={`Webhook endpoint disabled: ${e.url}`}>
                  <p>
                    {e.disabledReason} (since {formatDateTime(e.disabledAt)}). Fix the endpoint, then enable
                    it again.
                  </p>
                </Banner>
              ))}
            {endpoints.map((e) => (
              <section key={e.id} aria-label={`Endpoint ${e.url}`}>
                <Card>
                  <BlockStack gap="200">
                    <InlineStack align="space-between" blockAlign="center">
                      <Text as="h3" variant="headingSm" breakWord>
                        {e.url}
                      </Text>
                      <Badge tone={e.enabled ? "success" : "critical"}>
                        {e.enabled ? "Enabled" : "Disabled"}
                      </Badge>
                    </InlineStack>
                    <Text as="p" tone="subdued">
                      {e.events.join(", ")}
                    </Text>
                    <InlineStack gap="200">
                      <Button onClick={() => setOpen(open === e.id ? null : e.id)}>
                        {open === e.id ? "Hide deliveries" : "Deliveries"}
                      </Button>
                      <Button
                        onClick={() => void act(`/integrations/webhooks/${e.id}/rotate-secret`, "POST")}
                      >
                        Rotate secret
                      </Button>
                      <Button
                        onClick={() =>
                          void act(`/integrations/webhooks/${e.id}`, "PATCH", { enabled: !e.enabled })
                        }
                      >
                        {e.enabled ? "Disable" : "Enable"}
                      </Button>
                      <Button
                        tone="critical"
                        onClick={() => void act(`/integrations/webhooks/${e.id}`, "DELETE")}
                      >
                        Delete
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

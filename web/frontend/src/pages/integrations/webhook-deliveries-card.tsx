import { useTranslation } from "react-i18next";
import { Badge, BlockStack, Button, Card, IndexTable, Text } from "@shopify/polaris";
import { useApi, useApiClient } from "../../api/use-api.ts";
import { ApiView, EmptyCard } from "../../components/page-states.tsx";
import { useFormats } from "../../format/use-formats.tsx";
import type { WebhookDelivery, WebhookEndpoint } from "./integrations-contract.ts";

// A delivery's status as the server stores it (web/server/integrations/outgoing/deliver-webhook.ts).
const TONE: Record<string, "success" | "critical" | "attention"> = {
  SUCCEEDED: "success",
  FAILED: "critical",
  PENDING: "attention",
};
const LABEL = {
  SUCCEEDED: "integrations.delivered",
  FAILED: "integrations.failed",
  PENDING: "integrations.retrying",
} as const;
const isKnown = (status: string): status is keyof typeof LABEL => status in LABEL;

/** One endpoint's deliveries: status, attempts, last answer, and a redeliver button. */
export function WebhookDeliveriesCard({ endpoint }: { endpoint: WebhookEndpoint }) {
  const { t } = useTranslation();
  const f = useFormats();
  const api = useApiClient();
  const state = useApi<{ deliveries: WebhookDelivery[] }>(`/integrations/webhooks/${endpoint.id}/deliveries`);
  const redeliver = async (id: string) => {
    await api.request(`/integrations/webhooks/${endpoint.id}/deliveries/${id}/redeliver`, { method: "POST" });
    state.reload();
  };
  return (
    <ApiView state={state} what={t("integrations.webhookDeliveries")}>
      {({ deliveries }) =>
        deliveries.length === 0 ? (
          <EmptyCard heading={t("integrations.noDeliveries")}>
            {t("integrations.noDeliveriesBody", { url: endpoint.url })}
          </EmptyCard>
        ) : (
          <Card padding="0">
            <BlockStack gap="200">
              <IndexTable
                resourceName={{ singular: t("integrations.delivery"), plural: t("integrations.deliveries") }}
                itemCount={deliveries.length}
                selectable={false}
                headings={[
                  { title: t("integrations.event") },
                  { title: t("integrations.status") },
                  { title: t("integrations.attempts") },
                  { title: t("integrations.lastAnswer") },
                  { title: t("integrations.created") },
                  { title: "" },
                ]}
              >
                {deliveries.map((d, i) => (
                  <IndexTable.Row id={d.id} key={d.id} position={i}>
                    <IndexTable.Cell>
                      <Text as="span">{d.eventType}</Text>
                    </IndexTable.Cell>
                    <IndexTable.Cell>
                      <Badge tone={TONE[d.status]}>{isKnown(d.status) ? t(LABEL[d.status]) : d.status}</Badge>
                    </IndexTable.Cell>
                    <IndexTable.Cell>{d.attempts}</IndexTable.Cell>
                    <IndexTable.Cell>{d.lastStatusCode ?? d.lastError ?? "—"}</IndexTable.Cell>
                    <IndexTable.Cell>{f.dateTime(d.createdAt)}</IndexTable.Cell>
                    <IndexTable.Cell>
                      <Button size="slim" onClick={() => void redeliver(d.id)} disabled={!endpoint.enabled}>
                        {t("integrations.redeliver")}
                      </Button>
                    </IndexTable.Cell>
                  </IndexTable.Row>
                ))}
              </IndexTable>
            </BlockStack>
          </Card>
        )
      }
    </ApiView>
  );
}

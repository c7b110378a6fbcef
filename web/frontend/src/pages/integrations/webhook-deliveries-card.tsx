import { Badge, BlockStack, Button, Card, IndexTable, Text } from "@shopify/polaris";
import { useApi, useApiClient } from "../../api/use-api.ts";
import { ApiView, EmptyCard } from "../../components/page-states.tsx";
import { formatDateTime } from "../../format/format.ts";
import type { WebhookDelivery, WebhookEndpoint } from "./integrations-contract.ts";

// A delivery's status as the server stores it (web/server/integrations/outgoing/deliver-webhook.ts).
const TONE: Record<string, "success" | "critical" | "attention"> = {
  SUCCEEDED: "success",
  FAILED: "critical",
  PENDING: "attention",
};
const LABEL: Record<string, string> = { SUCCEEDED: "Delivered", FAILED: "Failed", PENDING: "Retrying" };

/** One endpoint's deliveries: status, attempts, last answer, and a redeliver button. */
export function WebhookDeliveriesCard({ endpoint }: { endpoint: WebhookEndpoint }) {
  const api = useApiClient();
  const state = useApi<{ deliveries: WebhookDelivery[] }>(`/integrations/webhooks/${endpoint.id}/deliveries`);
  const redeliver = async (id: string) => {
    await api.request(`/integrations/webhooks/${endpoint.id}/deliveries/${id}/redeliver`, { method: "POST" });
    state.reload();
  };
  return (
    <ApiView state={state} what="Webhook deliveries">
      {({ deliveries }) =>
        deliveries.length === 0 ? (
          <EmptyCard heading="No deliveries yet">
            Events will show here as they are sent to {endpoint.url}.
          </EmptyCard>
        ) : (
          <Card padding="0">
            <BlockStack gap="200">
              <IndexTable
                resourceName={{ singular: "delivery", plural: "deliveries" }}
                itemCount={deliveries.length}
                selectable={false}
                headings={[
                  { title: "Event" },
                  { title: "Status" },
                  { title: "Attempts" },
                  { title: "Last answer" },
                  { title: "Created" },
                  { title: "" },
                ]}
              >
                {deliveries.map((d, i) => (
                  <IndexTable.Row id={d.id} key={d.id} position={i}>
                    <IndexTable.Cell>
                      <Text as="span">{d.eventType}</Text>
                    </IndexTable.Cell>
                    <IndexTable.Cell>
                      <Badge tone={TONE[d.status]}>{LABEL[d.status] ?? d.status}</Badge>
                    </IndexTable.Cell>
                    <IndexTable.Cell>{d.attempts}</IndexTable.Cell>
                    <IndexTable.Cell>{d.lastStatusCode ?? d.lastError ?? "—"}</IndexTable.Cell>
                    <IndexTable.Cell>{formatDateTime(d.createdAt)}</IndexTable.Cell>
                    <IndexTable.Cell>
                      <Button size="slim" onClick={() => void redeliver(d.id)} disabled={!endpoint.enabled}>
                        Redeliver
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

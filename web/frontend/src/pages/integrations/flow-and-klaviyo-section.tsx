import { Badge, BlockStack, Button, Card, InlineStack, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { errorMessage, useApi, useApiClient } from "../../api/use-api.ts";
import { ApiView } from "../../components/page-states.tsx";

const TRIGGERS = [
  ["backorder-created", "Backorder created"],
  ["backorder-ready", "Backorder ready"],
  ["eta-changed", "ETA changed"],
  ["variant-back-in-stock", "Variant back in stock"],
  ["back-in-stock-signup", "Back in stock signup"],
] as const;

/** Shopify Flow (which triggers a workflow uses) and the Klaviyo connection. */
export function FlowAndKlaviyoSection() {
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
            Shopify Flow
          </Text>
          <Text as="p" tone="subdued">
            Build workflows in Shopify Flow with these triggers and the “Set variant ETA” action. A trigger is
            sent only while a workflow uses it.
          </Text>
          <ApiView state={flow} what="Flow">
            {({ triggers }) => (
              <BlockStack gap="100">
                {TRIGGERS.map(([handle, label]) => {
                  const on = triggers.some((t) => t.handle === handle && t.enabled);
                  return (
                    <InlineStack key={handle} gap="200" blockAlign="center">
                      <Text as="span">{label}</Text>
                      <Badge tone={on ? "success" : undefined}>{on ? "In use" : "Not used"}</Badge>
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
                  {connected
                    ? "Connected: signups and backorders are sent as Klaviyo events."
                    : "Send “Backorder Hub Back In Stock Subscribed” and “Backorder Hub Backorder Created” events to Klaviyo."}
                </Text>
                <TextField
                  label="Klaviyo private API key"
                  type="password"
                  value={key}
                  onChange={setKey}
                  autoComplete="off"
                  error={error ?? undefined}
                />
                <InlineStack gap="200">
                  <Button onClick={() => void save("PUT")} disabled={!key}>
                    {connected ? "Replace key" : "Connect"}
                  </Button>
                  {connected ? (
                    <Button tone="critical" onClick={() => void save("DELETE")}>
                      Disconnect
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

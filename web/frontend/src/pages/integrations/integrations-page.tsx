import { BlockStack, Page } from "@shopify/polaris";
import { ApiKeysSection } from "./api-keys-section.tsx";
import { FlowAndKlaviyoSection } from "./flow-and-klaviyo-section.tsx";
import { WebhookEndpointsSection } from "./webhook-endpoints-section.tsx";

export default function IntegrationsPage() {
  return (
    <Page title="Integrations" subtitle="Send what Backorder Hub knows to your own systems">
      <BlockStack gap="600">
        <WebhookEndpointsSection />
        <FlowAndKlaviyoSection />
        <ApiKeysSection />
      </BlockStack>
    </Page>
  );
}

import { useTranslation } from "react-i18next";
import { BlockStack, Page } from "@shopify/polaris";
import { ApiKeysSection } from "./api-keys-section.tsx";
import { FlowAndKlaviyoSection } from "./flow-and-klaviyo-section.tsx";
import { WebhookEndpointsSection } from "./webhook-endpoints-section.tsx";

export default function IntegrationsPage() {
  const { t } = useTranslation();
  return (
    <Page title={t("integrations.title")} subtitle={t("integrations.subtitle")}>
      <BlockStack gap="600">
        <WebhookEndpointsSection />
        <FlowAndKlaviyoSection />
        <ApiKeysSection />
      </BlockStack>
    </Page>
  );
}

import { BlockStack, Card, Text } from "@shopify/polaris";

export function MetricCard({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <Card>
      <BlockStack gap="100">
        <Text as="h3" variant="headingSm" tone="subdued">
          {label}
        </Text>
        <Text as="p" variant="heading2xl">
          {value}
        </Text>
        <Text as="p" variant="bodySm" tone="subdued">
          {detail ?? "\u00a0"}
        </Text>
      </BlockStack>
    </Card>
  );
}

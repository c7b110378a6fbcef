import { Banner, BlockStack, Text } from "@shopify/polaris";

/** A secret or key the server will never show again. */
export function SecretBanner({
  title,
  value,
  onDismiss,
}: {
  title: string;
  value: string;
  onDismiss: () => void;
}) {
  return (
    <Banner tone="warning" title={title} onDismiss={onDismiss}>
      <BlockStack gap="100">
        <Text as="p">Copy it now: it is shown only once.</Text>
        <Text as="p" fontWeight="semibold" breakWord>
          <code data-testid="shown-once">{value}</code>
        </Text>
      </BlockStack>
    </Banner>
  );
}

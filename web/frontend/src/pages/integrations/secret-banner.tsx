import { useTranslation } from "react-i18next";
import { Banner, BlockStack, Button, InlineStack, Text } from "@shopify/polaris";
import { useState } from "react";

/** A secret or key the server will never show again, with a button that copies it. */
export function SecretBanner({
  title,
  value,
  onDismiss,
}: {
  title: string;
  value: string;
  onDismiss: () => void;
}) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard.writeText(value);
    setCopied(true);
  };
  return (
    <Banner tone="warning" title={title} onDismiss={onDismiss}>
      <BlockStack gap="100">
        <Text as="p">{t("integrations.shownOnce")}</Text>
        <InlineStack gap="200" blockAlign="center" wrap={false}>
          <Text as="p" fontWeight="semibold" breakWord>
            <code data-testid="shown-once">{value}</code>
          </Text>
          <Button onClick={() => void copy()}>
            {copied ? t("integrations.copied") : t("integrations.copy")}
          </Button>
        </InlineStack>
      </BlockStack>
    </Banner>
  );
}

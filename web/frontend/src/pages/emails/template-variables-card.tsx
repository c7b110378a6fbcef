import { useTranslation } from "react-i18next";
import { BlockStack, Card, List, Text } from "@shopify/polaris";
import type { TemplateDetail } from "./emails-contract.ts";

/** The variables a kind's template can use, each with what it holds. */
export function TemplateVariablesCard({ variables }: { variables: TemplateDetail["variables"] }) {
  const { t } = useTranslation();
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingSm">
          {t("emails.variables")}
        </Text>
        <List>
          {variables.map((v) => (
            <List.Item key={v.name}>
              <code>{`{{ ${v.name} }}`}</code> — {v.description}
            </List.Item>
          ))}
        </List>
      </BlockStack>
    </Card>
  );
}

import { BlockStack, InlineStack, Text } from "@shopify/polaris";
import { useApi } from "../../api/use-api.ts";
import { CsvButton } from "../../components/csv-button.tsx";
import { ApiView, CardSkeleton } from "../../components/page-states.tsx";
import type { DataExportsResponse } from "../../../../contract/api-responses.ts";
import { Section, TextSetting, type Fields } from "./settings-fields.tsx";

/** How long webhook bodies are kept, and the customers/data_request exports to download. */
export function PrivacySection({ fields }: { fields: Fields }) {
  const exports = useApi<DataExportsResponse>("/data-exports");
  return (
    <Section
      title="Privacy"
      description="What the app keeps about customers and for how long. Customer data requests from Shopify appear here as files to pass on to the customer."
    >
      <TextSetting
        fields={fields}
        name="webhookBodyRetentionDays"
        label="Keep webhook bodies"
        suffix="days"
        help="Orders and other webhooks Shopify sends hold customer details; after this many days a handled webhook keeps only its topic and times (1 to 30)"
      />
      <BlockStack gap="200">
        <Text as="h3" variant="headingSm">
          Customer data requests
        </Text>
        <ApiView state={exports} what="Customer data requests" skeleton={<CardSkeleton lines={2} />}>
          {({ exports: rows }) =>
            rows.length === 0 ? (
              <Text as="p" tone="subdued">
                No customer has asked for their data.
              </Text>
            ) : (
              <BlockStack gap="200">
                {rows.map((row) => (
                  <InlineStack key={row.id} align="space-between" blockAlign="center">
                    <Text as="span">
                      {row.subject} · {new Date(row.createdAt).toLocaleString()}
                    </Text>
                    <CsvButton path={`/data-exports/${row.id}`} filename={`customer-data-${row.id}.json`}>
                      Download
                    </CsvButton>
                  </InlineStack>
                ))}
              </BlockStack>
            )
          }
        </ApiView>
      </BlockStack>
    </Section>
  );
}

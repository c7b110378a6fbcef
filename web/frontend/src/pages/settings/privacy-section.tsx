import { useTranslation } from "react-i18next";
import { useFormats } from "../../format/use-formats.tsx";
import { BlockStack, InlineStack, Text } from "@shopify/polaris";
import { useApi } from "../../api/use-api.ts";
import { CsvButton } from "../../components/csv-button.tsx";
import { ApiView, CardSkeleton } from "../../components/page-states.tsx";
import type { DataExportsResponse } from "../../../../contract/api-responses.ts";
import { Section, TextSetting, type Fields } from "./settings-fields.tsx";

/** How long webhook bodies are kept, and the customers/data_request exports to download. */
export function PrivacySection({ fields }: { fields: Fields }) {
  const { t } = useTranslation();
  const f = useFormats();
  const exports = useApi<DataExportsResponse>("/data-exports");
  return (
    <Section title={t("settings.privacy")} description={t("settings.whatTheAppKeepsAbout")}>
      <TextSetting
        fields={fields}
        name="webhookBodyRetentionDays"
        label={t("settings.keepWebhookBodies")}
        suffix={t("settings.days")}
        help={t("settings.ordersAndOtherWebhooksShopify")}
      />
      <BlockStack gap="200">
        <Text as="h3" variant="headingSm">
          {t("settings.customerDataRequests")}
        </Text>
        <ApiView
          state={exports}
          what={t("settings.customerDataRequests")}
          skeleton={<CardSkeleton lines={2} />}
        >
          {({ exports: rows }) =>
            rows.length === 0 ? (
              <Text as="p" tone="subdued">
                {t("settings.noDataRequests")}
              </Text>
            ) : (
              <BlockStack gap="200">
                {rows.map((row) => (
                  <InlineStack key={row.id} align="space-between" blockAlign="center">
                    <Text as="span">
                      {row.subject} · {f.dateTime(row.createdAt)}
                    </Text>
                    <CsvButton path={`/data-exports/${row.id}`} filename={`customer-data-${row.id}.json`}>
                      {t("settings.download")}
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

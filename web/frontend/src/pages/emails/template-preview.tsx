import { useTranslation } from "react-i18next";
import { BlockStack, Box, Card, InlineStack, Spinner, Tabs, Text } from "@shopify/polaris";
import { useState } from "react";
import type { TemplateSource } from "./emails-contract.ts";

const PREVIEW_HEIGHT = 520;

/** The server's rendering with sample data. The HTML runs in a sandboxed frame: no scripts, no same-origin access. */
export function TemplatePreview({ preview, stale }: { preview: TemplateSource | null; stale: boolean }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState(0);
  return (
    <Card>
      <BlockStack gap="200">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingSm">
            {t("emails.previewTitle")}
          </Text>
          {stale ? <Spinner size="small" accessibilityLabel={t("emails.updatingPreview")} /> : null}
        </InlineStack>
        <Text as="p" variant="bodySm" tone="subdued">
          {t("emails.subjectLabel")} <span data-testid="preview-subject">{preview?.subject ?? "…"}</span>
        </Text>
        <Tabs
          tabs={[
            { id: "html", content: "HTML" },
            { id: "text", content: t("emails.plainText") },
          ]}
          selected={tab}
          onSelect={setTab}
        />
        <Box minHeight={`${PREVIEW_HEIGHT}px`}>
          {preview === null ? null : tab === 0 ? (
            <iframe
              title={t("emails.emailPreview")}
              sandbox=""
              srcDoc={preview.html}
              style={{ width: "100%", height: PREVIEW_HEIGHT, border: 0, background: "#fff" }}
            />
          ) : (
            <pre
              style={{ whiteSpace: "pre-wrap", margin: 0, height: PREVIEW_HEIGHT, overflow: "auto" }}
              data-testid="preview-text"
            >
              {preview.text}
            </pre>
          )}
        </Box>
      </BlockStack>
    </Card>
  );
}

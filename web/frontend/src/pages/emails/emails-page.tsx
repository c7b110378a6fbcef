import { Badge, BlockStack, Card, InlineStack, Page, Select } from "@shopify/polaris";
import { useState } from "react";
import { useApi } from "../../api/use-api.ts";
import { confirmLeave } from "../../app-bridge/leave-guard.ts";
import { ApiView, CardSkeleton } from "../../components/page-states.tsx";
import { KIND_LABELS, LOCALE_LABELS, type TemplateDetail, type TemplateList } from "./emails-contract.ts";
import { TemplateEditor } from "./template-editor.tsx";

export default function EmailsPage() {
  const list = useApi<TemplateList>("/emails/templates");
  const [kind, setKind] = useState("restock");
  const [locale, setLocale] = useState("en");
  const detail = useApi<TemplateDetail>(`/emails/templates/${kind}/${locale}`);
  const customized = new Set(
    list.data?.templates.filter((t) => t.customized).map((t) => `${t.kind}:${t.locale}`),
  );

  return (
    <Page title="Emails" subtitle="Liquid templates per email and language">
      <BlockStack gap="400">
        <ApiView state={list} what="Email templates" skeleton={<CardSkeleton lines={1} minHeight="64px" />}>
          {(data) => (
            <Card>
              <InlineStack gap="400" blockAlign="end" wrap>
                <Select
                  label="Email"
                  options={data.kinds.map((k) => ({
                    value: k,
                    label: `${KIND_LABELS[k] ?? k}${data.locales.some((l) => customized.has(`${k}:${l}`)) ? " (customized)" : ""}`,
                  }))}
                  value={kind}
                  // Another template replaces the editor: unsaved edits ask first.
                  onChange={(next) => void confirmLeave().then(() => setKind(next))}
                />
                <Select
                  label="Language"
                  options={data.locales.map((l) => ({
                    value: l,
                    label: `${LOCALE_LABELS[l] ?? l}${customized.has(`${kind}:${l}`) ? " (customized)" : ""}`,
                  }))}
                  value={locale}
                  onChange={(next) => void confirmLeave().then(() => setLocale(next))}
                />
                {customized.has(`${kind}:${locale}`) ? <Badge tone="info">Customized</Badge> : null}
              </InlineStack>
            </Card>
          )}
        </ApiView>
        <ApiView
          state={detail}
          what="The template editor"
          skeleton={<CardSkeleton lines={16} minHeight="640px" />}
        >
          {(data) => (
            <TemplateEditor
              key={`${data.template.kind}:${data.template.locale}:${data.template.updatedAt ?? "default"}`}
              detail={data}
              onSaved={() => {
                list.reload();
                detail.reload();
              }}
            />
          )}
        </ApiView>
      </BlockStack>
    </Page>
  );
}

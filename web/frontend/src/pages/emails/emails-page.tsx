import { useTranslation } from "react-i18next";
import { Badge, BlockStack, Card, InlineStack, Page, Select } from "@shopify/polaris";
import { useState } from "react";
import { useApi } from "../../api/use-api.ts";
import { confirmLeave } from "../../app-bridge/leave-guard.ts";
import { ApiView, CardSkeleton } from "../../components/page-states.tsx";
import { useFormats } from "../../format/use-formats.tsx";
import { kindLabelKey, type TemplateDetail, type TemplateList } from "./emails-contract.ts";
import { TemplateEditor } from "./template-editor.tsx";

export default function EmailsPage() {
  const { t, i18n } = useTranslation();
  const f = useFormats();
  const list = useApi<TemplateList>("/emails/templates");
  const kindLabel = (k: string) => {
    const key = kindLabelKey(k);
    return key ? t(key) : k;
  };
  const [kind, setKind] = useState("restock");
  // The template in the merchant's own language first (the admin speaks the templates' four).
  const [locale, setLocale] = useState(() => i18n.language);
  const detail = useApi<TemplateDetail>(`/emails/templates/${kind}/${locale}`);
  const customized = new Set(
    list.data?.templates.filter((x) => x.customized).map((x) => `${x.kind}:${x.locale}`),
  );

  return (
    <Page title={t("emails.title")} subtitle={t("emails.subtitle")}>
      <BlockStack gap="400">
        <ApiView
          state={list}
          what={t("emails.emailTemplates")}
          skeleton={<CardSkeleton lines={1} minHeight="64px" />}
        >
          {(data) => (
            <Card>
              <InlineStack gap="400" blockAlign="end" wrap>
                <Select
                  label={t("emails.email")}
                  options={data.kinds.map((k) => ({
                    value: k,
                    label: data.locales.some((l) => customized.has(`${k}:${l}`))
                      ? t("emails.customizedOption", { name: kindLabel(k) })
                      : kindLabel(k),
                  }))}
                  value={kind}
                  // Another template replaces the editor: unsaved edits ask first.
                  onChange={(next) => void confirmLeave().then(() => setKind(next))}
                />
                <Select
                  label={t("emails.language")}
                  options={data.locales.map((l) => ({
                    value: l,
                    label: customized.has(`${kind}:${l}`)
                      ? t("emails.customizedOption", { name: f.language(l) })
                      : f.language(l),
                  }))}
                  value={locale}
                  onChange={(next) => void confirmLeave().then(() => setLocale(next))}
                />
                {customized.has(`${kind}:${locale}`) ? (
                  <Badge tone="info">{t("emails.customized")}</Badge>
                ) : null}
              </InlineStack>
            </Card>
          )}
        </ApiView>
        <ApiView
          state={detail}
          what={t("emails.theTemplateEditor")}
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

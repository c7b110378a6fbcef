import { useTranslation } from "react-i18next";
import { Badge, BlockStack, Button, InlineStack, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { errorMessage, useApi, useApiClient } from "../../../api/use-api.ts";
import { useToast } from "../../../components/toast.tsx";
import { ApiView, CardSkeleton } from "../../../components/page-states.tsx";
import { countSmsSegments, smsPreviewText } from "../../../../../contract/sms-segments.ts";
import { Section } from "../settings-fields.tsx";
import type { SmsTemplate } from "./sms-contract.ts";

/** SMS texts per kind and language, with the segment count (GSM-7 or UCS-2) as you type. */
export function SmsTemplatesSection() {
  const { t } = useTranslation();
  const state = useApi<{ templates: SmsTemplate[] }>("/sms-templates");
  return (
    <Section
      title={t("sms.smsTexts")}
      description={t("sms.textsDescription", {
        variables: "{{ shop.name }}, {{ product_title }}, {{ variant_title }}, {{ url }}",
        alertsUrl: "{{ alerts_url }}",
        renewal: "{{ expires_on }}, {{ renew_url }}",
      })}
    >
      <ApiView state={state} what={t("sms.smsTexts")} skeleton={<CardSkeleton lines={4} />}>
        {({ templates }) => (
          <BlockStack gap="400">
            {templates.map((template) => (
              <TemplateEditor key={`${template.kind}:${template.locale}`} template={template} />
            ))}
          </BlockStack>
        )}
      </ApiView>
    </Section>
  );
}

function TemplateEditor({ template }: { template: SmsTemplate }) {
  const { t } = useTranslation();
  const api = useApiClient();
  const toast = useToast();
  const [body, setBody] = useState(template.body);
  const [saving, setSaving] = useState(false);
  // Counted on the text as sent: variables filled with sample values of typical length.
  const count = countSmsSegments(smsPreviewText(body));
  // What fits in the segments used: GSM-7 160 (153 per part), UCS-2 70 (67 per part).
  const [single, part] = count.encoding === "GSM-7" ? [160, 153] : [70, 67];
  const room = count.segments <= 1 ? single : count.segments * part;
  const save = async () => {
    setSaving(true);
    try {
      await api.request("/sms-templates", {
        method: "PUT",
        body: { kind: template.kind, locale: template.locale, body },
      });
      toast(t("sms.textSaved"));
    } catch (e) {
      toast(errorMessage(e), { error: true });
    } finally {
      setSaving(false);
    }
  };
  const label = `${template.kind} · ${template.locale}`;
  return (
    <BlockStack gap="100">
      <TextField label={label} value={body} onChange={setBody} multiline={3} autoComplete="off" />
      <InlineStack align="space-between" blockAlign="center">
        <InlineStack gap="200">
          <span data-sms-segments={`${template.kind}:${template.locale}`}>
            <Text as="span" tone={count.segments > 1 ? "caution" : "subdued"}>
              {t("sms.segments", {
                count: count.segments,
                n: count.segments,
                encoding: count.encoding,
                units: count.units,
                room,
              })}
            </Text>
          </span>
          {template.custom ? <Badge>{t("sms.edited")}</Badge> : null}
        </InlineStack>
        <Button onClick={save} loading={saving} accessibilityLabel={t("sms.saveLabel", { label })}>
          {t("common.save")}
        </Button>
      </InlineStack>
    </BlockStack>
  );
}

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
  const state = useApi<{ templates: SmsTemplate[] }>("/sms-templates");
  return (
    <Section
      title="SMS texts"
      description="Liquid, like the email templates: {{ shop.name }}, {{ product_title }}, {{ variant_title }}, {{ url }}, {{ alerts_url }} (the page where shoppers manage their alerts; added at the end when a text leaves it out); renewal texts also {{ expires_on }} and {{ renew_url }}. One segment is 160 GSM-7 characters, or 70 once any other character (an emoji, ł, ő...) appears; the count fills the variables with sample values of typical length."
    >
      <ApiView state={state} what="SMS texts" skeleton={<CardSkeleton lines={4} />}>
        {({ templates }) => (
          <BlockStack gap="400">
            {templates.map((t) => (
              <TemplateEditor key={`${t.kind}:${t.locale}`} template={t} />
            ))}
          </BlockStack>
        )}
      </ApiView>
    </Section>
  );
}

function TemplateEditor({ template }: { template: SmsTemplate }) {
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
      toast("SMS text saved");
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
              {`${count.segments} segment${count.segments === 1 ? "" : "s"} · ${count.encoding} · ${count.units}/${room}`}
            </Text>
          </span>
          {template.custom ? <Badge>Edited</Badge> : null}
        </InlineStack>
        <Button onClick={save} loading={saving} accessibilityLabel={`Save ${label}`}>
          Save
        </Button>
      </InlineStack>
    </BlockStack>
  );
}

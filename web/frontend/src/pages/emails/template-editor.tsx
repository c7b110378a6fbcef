import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { Badge, BlockStack, Button, Card, InlineGrid, InlineStack, Text, TextField } from "@shopify/polaris";
import { useRef, useState } from "react";
import { ApiError } from "../../api/api-client.ts";
import { useFocusFirstError } from "../../api/field-errors.ts";
import { errorMessage, useApiClient } from "../../api/use-api.ts";
import { PageSaveBar } from "../../app-bridge/page-save-bar.tsx";
import { useToast } from "../../components/toast.tsx";
import type { Formats } from "../../format/format.ts";
import { useFormats } from "../../format/use-formats.tsx";
import {
  liquidErrors,
  type LiquidError,
  type TemplateDetail,
  type TemplateSource,
} from "./emails-contract.ts";
import { liquidErrorText } from "./liquid-error-text.ts";
import { PART_FIELDS, PART_LABEL } from "./template-parts.ts";
import { TemplatePreview } from "./template-preview.tsx";
import { TemplateProblems } from "./template-problems.tsx";
import { TemplateVariablesCard } from "./template-variables-card.tsx";
import { TestSendCard } from "./test-send-card.tsx";
import { useLivePreview } from "./use-live-preview.ts";

function errorFor(
  errors: LiquidError[],
  part: keyof TemplateSource,
  t: TFunction,
  f: Formats,
): string | undefined {
  const e = errors.find((x) => x.part === part);
  return e
    ? t("emails.errorAt", { line: e.line, column: e.column, message: liquidErrorText(e, t, f) })
    : undefined;
}

/**
 * Liquid editor for one kind and locale: live preview, test send, reset to default; an edit shows the
 * save bar (Save, Discard), which keeps the merchant from leaving with it unsaved.
 */
export function TemplateEditor({
  detail,
  onSaved,
}: {
  detail: TemplateDetail;
  onSaved: (next: TemplateDetail) => void;
}) {
  const { t } = useTranslation();
  const f = useFormats();
  const api = useApiClient();
  const toast = useToast();
  const { kind, locale } = detail.template;
  const [source, setSource] = useState<TemplateSource>({
    subject: detail.template.subject,
    html: detail.template.html,
    text: detail.template.text,
  });
  const [saveErrors, setSaveErrors] = useState<LiquidError[]>([]);
  const [busy, setBusy] = useState<"save" | "reset" | null>(null);
  const container = useRef<HTMLDivElement>(null);
  const live = useLivePreview(kind, locale, source);
  useFocusFirstError(container, saveErrors);
  const errors = saveErrors.length ? saveErrors : live.errors;
  const dirty =
    source.subject !== detail.template.subject ||
    source.html !== detail.template.html ||
    source.text !== detail.template.text;
  const edit = (part: keyof TemplateSource) => (value: string) => {
    setSaveErrors([]);
    setSource((s) => ({ ...s, [part]: value }));
  };

  const run = async (action: "save" | "reset") => {
    setBusy(action);
    try {
      const path = `/emails/templates/${kind}/${locale}`;
      const next = await api.request<TemplateDetail>(
        path,
        action === "save" ? { method: "PUT", body: source } : { method: "DELETE" },
      );
      setSource({ subject: next.template.subject, html: next.template.html, text: next.template.text });
      onSaved(next);
      toast(action === "save" ? t("emails.templateSaved") : t("emails.templateReset"));
    } catch (e) {
      const parsed = e instanceof ApiError && e.status === 422 ? liquidErrors(e.body?.details) : null;
      if (parsed) setSaveErrors(parsed);
      toast(parsed ? t("emails.liquidErrors") : errorMessage(e), { error: true });
    } finally {
      setBusy(null);
    }
  };

  const discard = () => {
    setSaveErrors([]);
    setSource({ subject: detail.template.subject, html: detail.template.html, text: detail.template.text });
  };

  return (
    <div ref={container}>
      <PageSaveBar
        id="email-template-save-bar"
        dirty={dirty}
        saving={busy === "save"}
        onSave={() => void run("save")}
        onDiscard={discard}
      />
      <InlineGrid columns={{ xs: 1, lg: 2 }} gap="400">
        <BlockStack gap="400">
          <Card>
            <BlockStack gap="300">
              <InlineStack align="space-between" blockAlign="center">
                <Text as="h2" variant="headingSm">
                  {t("emails.liquidTemplate")}
                </Text>
                {detail.template.customized ? (
                  <Badge tone="info">{t("emails.customized")}</Badge>
                ) : (
                  <Badge>{t("emails.default")}</Badge>
                )}
              </InlineStack>
              <TemplateProblems errors={errors} warnings={live.warnings} failure={live.failure} />
              {PART_FIELDS.map(({ part, multiline, maxHeight }) => (
                <TextField
                  key={part}
                  label={t(PART_LABEL[part])}
                  value={source[part]}
                  onChange={edit(part)}
                  autoComplete="off"
                  multiline={multiline}
                  maxHeight={maxHeight}
                  monospaced
                  error={errorFor(errors, part, t, f)}
                />
              ))}
              <InlineStack gap="200" align="end">
                <Button
                  onClick={() => run("reset")}
                  loading={busy === "reset"}
                  disabled={!detail.template.customized && !dirty}
                  tone="critical"
                  variant="secondary"
                >
                  {t("emails.resetToDefault")}
                </Button>
              </InlineStack>
            </BlockStack>
          </Card>
          <TemplateVariablesCard variables={detail.variables} />
        </BlockStack>
        <BlockStack gap="400">
          <TemplatePreview preview={live.preview} stale={live.pending} />
          <TestSendCard kind={kind} locale={locale} dirty={dirty} />
        </BlockStack>
      </InlineGrid>
    </div>
  );
}

import {
  Badge,
  Banner,
  BlockStack,
  Button,
  Card,
  InlineGrid,
  InlineStack,
  List,
  Text,
  TextField,
} from "@shopify/polaris";
import { useRef, useState } from "react";
import { ApiError } from "../../api/api-client.ts";
import { useFocusFirstError } from "../../api/field-errors.ts";
import { errorMessage, useApiClient } from "../../api/use-api.ts";
import { PageSaveBar } from "../../app-bridge/page-save-bar.tsx";
import { useToast } from "../../components/toast.tsx";
import {
  liquidErrors,
  type LiquidError,
  type TemplateDetail,
  type TemplateSource,
} from "./emails-contract.ts";
import { TemplatePreview } from "./template-preview.tsx";
import { TestSendCard } from "./test-send-card.tsx";
import { useLivePreview } from "./use-live-preview.ts";

const PART_LABEL: Record<keyof TemplateSource, string> = {
  subject: "Subject",
  html: "HTML body",
  text: "Plain-text body",
};

// The three parts in the order the merchant edits them; the bodies get room to write.
const PART_FIELDS: { part: keyof TemplateSource; multiline?: number; maxHeight?: number }[] = [
  { part: "subject" },
  { part: "html", multiline: 14, maxHeight: 420 },
  { part: "text", multiline: 8, maxHeight: 300 },
];

function errorFor(errors: LiquidError[], part: keyof TemplateSource): string | undefined {
  const e = errors.find((x) => x.part === part);
  return e ? `Line ${e.line}, column ${e.column}: ${e.message}` : undefined;
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
      toast(action === "save" ? "Template saved" : "Template reset to the default");
    } catch (e) {
      const parsed = e instanceof ApiError && e.status === 422 ? liquidErrors(e.body?.details) : null;
      if (parsed) setSaveErrors(parsed);
      toast(parsed ? "The template has Liquid errors" : errorMessage(e), { error: true });
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
                  Liquid template
                </Text>
                {detail.template.customized ? <Badge tone="info">Customized</Badge> : <Badge>Default</Badge>}
              </InlineStack>
              {errors.length ? (
                <Banner tone="critical" title="The template has Liquid errors">
                  <List>
                    {errors.map((e) => (
                      <List.Item key={`${e.part}:${e.line}:${e.column}`}>
                        {PART_LABEL[e.part]}, line {e.line}, column {e.column}: {e.message}
                      </List.Item>
                    ))}
                  </List>
                </Banner>
              ) : null}
              {live.warnings.length ? (
                <Banner tone="warning" title="Unknown variables: they print nothing in this email">
                  <List>
                    {live.warnings.map((w) => (
                      <List.Item key={`${w.part}:${w.line}:${w.column}`}>
                        {PART_LABEL[w.part]}, line {w.line}, column {w.column}:{" "}
                        <code>{`{{ ${w.variable} }}`}</code> is not a variable of this email. See the list of
                        variables below.
                      </List.Item>
                    ))}
                  </List>
                </Banner>
              ) : null}
              {live.failure ? (
                <Banner tone="warning" title="Preview unavailable">
                  <p>{live.failure}</p>
                </Banner>
              ) : null}
              {PART_FIELDS.map(({ part, multiline, maxHeight }) => (
                <TextField
                  key={part}
                  label={PART_LABEL[part]}
                  value={source[part]}
                  onChange={edit(part)}
                  autoComplete="off"
                  multiline={multiline}
                  maxHeight={maxHeight}
                  monospaced
                  error={errorFor(errors, part)}
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
                  Reset to default
                </Button>
              </InlineStack>
            </BlockStack>
          </Card>
          <Card>
            <BlockStack gap="200">
              <Text as="h2" variant="headingSm">
                Variables
              </Text>
              <List>
                {detail.variables.map((v) => (
                  <List.Item key={v.name}>
                    <code>{`{{ ${v.name} }}`}</code> — {v.description}
                  </List.Item>
                ))}
              </List>
            </BlockStack>
          </Card>
        </BlockStack>
        <BlockStack gap="400">
          <TemplatePreview preview={live.preview} stale={live.pending} />
          <TestSendCard kind={kind} locale={locale} dirty={dirty} />
        </BlockStack>
      </InlineGrid>
    </div>
  );
}

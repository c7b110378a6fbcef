import { useTranslation } from "react-i18next";
import { useFormats } from "../../../format/use-formats.tsx";
import {
  BlockStack,
  Box,
  Button,
  Card,
  Collapsible,
  Icon,
  InlineStack,
  ProgressBar,
  Text,
} from "@shopify/polaris";
import { CheckCircleIcon, XIcon } from "@shopify/polaris-icons";
import { useState } from "react";
import type { SetupGuideResponse, SetupGuideView } from "../../../../../contract/api-responses.ts";
import { errorMessage, useApiClient } from "../../../api/use-api.ts";
import { useToast } from "../../../components/toast.tsx";
import { stepContent, type StepActions } from "./setup-steps.tsx";

/**
 * Polaris' setup guide on the dashboard: the first things a new merchant does, with progress kept
 * per shop (/api/setup-guide). Dismissible; the dashboard offers it again until every step is done.
 */
export function SetupGuide({
  guide,
  onChange,
}: {
  guide: SetupGuideView;
  onChange: (g: SetupGuideView) => void;
}) {
  const { t } = useTranslation();
  const f = useFormats();
  const api = useApiClient();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const firstOpen = guide.steps.find((s) => !s.done)?.id ?? null;
  const [expanded, setExpanded] = useState<string | null>(firstOpen);

  const send = async (path: string, method: string, body?: unknown, done?: string) => {
    setBusy(true);
    try {
      const next = await api.request<SetupGuideResponse>(path, { method, body });
      onChange(next.guide);
      if (done) toast(done);
    } catch (e) {
      toast(errorMessage(e), { error: true });
    } finally {
      setBusy(false);
    }
  };
  const act: StepActions = {
    busy,
    mark: (id, done) => void send("/setup-guide", "PUT", { step: { id, done } }),
    syncNow: () => void send("/setup-guide/sync", "POST", {}, t("setup.syncStarted")),
  };
  const total = guide.steps.length;

  return (
    <section aria-label={t("setup.title")}>
      <Card>
        <BlockStack gap="300">
          <InlineStack align="space-between" blockAlign="start" wrap={false}>
            <BlockStack gap="100">
              <Text as="h2" variant="headingMd">
                {t("setup.title")}
              </Text>
              <Text as="p" tone="subdued">
                {t("setup.intro")}
              </Text>
            </BlockStack>
            <Button
              variant="tertiary"
              icon={XIcon}
              accessibilityLabel={t("setup.dismiss")}
              disabled={busy}
              onClick={() => void send("/setup-guide", "PUT", { dismissed: true })}
            />
          </InlineStack>
          <InlineStack gap="200" blockAlign="center" wrap={false}>
            <Text as="span" variant="bodySm" tone="subdued">
              {t("setup.progress", {
                count: guide.completed,
                done: f.number(guide.completed),
                total: f.number(total),
              })}
            </Text>
            <Box width="50%">
              <ProgressBar progress={(guide.completed / total) * 100} size="small" tone="primary" />
            </Box>
          </InlineStack>
          <BlockStack gap="100">
            {guide.steps.map((step) => {
              const content = stepContent(step.id, step.done, guide, act, t, f);
              const open = expanded === step.id;
              return (
                <Box
                  key={step.id}
                  padding="200"
                  borderRadius="200"
                  background={open ? "bg-surface-secondary" : undefined}
                >
                  <BlockStack gap="200">
                    <InlineStack gap="200" blockAlign="center" wrap={false}>
                      <span data-step-done={step.done ? "true" : "false"}>
                        {step.done ? (
                          <Icon
                            source={CheckCircleIcon}
                            tone="success"
                            accessibilityLabel={t("setup.done")}
                          />
                        ) : (
                          <Icon
                            source={CheckCircleIcon}
                            tone="subdued"
                            accessibilityLabel={t("setup.notDone")}
                          />
                        )}
                      </span>
                      <Button
                        variant="monochromePlain"
                        removeUnderline
                        textAlign="left"
                        onClick={() => setExpanded(open ? null : step.id)}
                        ariaExpanded={open}
                      >
                        {content.title}
                      </Button>
                    </InlineStack>
                    <Collapsible id={`setup-${step.id}`} open={open}>
                      <Box paddingInlineStart="800">{content.body}</Box>
                    </Collapsible>
                  </BlockStack>
                </Box>
              );
            })}
          </BlockStack>
        </BlockStack>
      </Card>
    </section>
  );
}

import { useTranslation } from "react-i18next";
import { BlockStack, Button, InlineStack, ProgressBar, Text } from "@shopify/polaris";
import { useCallback, useEffect, useState } from "react";
import { errorMessage, useApiClient } from "../../api/use-api.ts";
import { useToast } from "../../components/toast.tsx";
import { useFormats } from "../../format/use-formats.tsx";
import type {
  ReconciliationResponse,
  ReconciliationSyncResponse,
  ReconciliationView,
} from "../../../../contract/api-responses.ts";
import { Section, TextSetting, type Fields } from "./settings-fields.tsx";

type Reconciliation = ReconciliationView;

const POLL_MS = 1_000;
const active = (r: Reconciliation | null) => r?.status === "QUEUED" || r?.status === "RUNNING";

/** The reconciliation interval (saved with the form) and "Sync now" with the run's progress. */
export function OrderSyncSection({ fields }: { fields: Fields }) {
  const { t } = useTranslation();
  return (
    <Section title={t("settings.orderReconciliation")} description={t("settings.shopifyCanDropAWebhook")}>
      <TextSetting
        fields={fields}
        name="orderReconcileMinutes"
        label={t("settings.reconcileOrdersEvery")}
        suffix={t("settings.minutes")}
        help={t("settings.between5And1440")}
      />
      <SyncNow />
    </Section>
  );
}

function SyncNow() {
  const { t } = useTranslation();
  const api = useApiClient();
  const toast = useToast();
  const [run, setRun] = useState<Reconciliation | null>(null);
  const [starting, setStarting] = useState(false);
  const load = useCallback(
    async () => setRun((await api.request<ReconciliationResponse>("/reconciliation")).reconciliation),
    [api],
  );
  useEffect(() => {
    load().catch(() => undefined);
  }, [load]);
  // Polled while a run is queued or running; stops when it ends.
  const running = active(run);
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => load().catch(() => undefined), POLL_MS);
    return () => clearInterval(timer);
  }, [running, load]);

  const syncNow = async () => {
    setStarting(true);
    try {
      const answer = await api.request<ReconciliationSyncResponse>("/reconciliation/sync", {
        method: "POST",
      });
      setRun(answer.reconciliation);
      if (!answer.started) toast(t("settings.syncRunning"));
    } catch (e) {
      toast(errorMessage(e), { error: true });
    } finally {
      setStarting(false);
    }
  };

  return (
    <BlockStack gap="200">
      <InlineStack align="space-between" blockAlign="center">
        <Text as="span" variant="headingSm">
          {t("settings.syncOrdersNow")}
        </Text>
        <Button onClick={syncNow} loading={starting} disabled={running}>
          {t("settings.syncNow")}
        </Button>
      </InlineStack>
      <div role="status" aria-live="polite" data-sync-status>
        {run && <RunStatus run={run} />}
      </div>
    </BlockStack>
  );
}

function RunStatus({ run }: { run: Reconciliation }) {
  const { t } = useTranslation();
  const f = useFormats();
  const counts = t("settings.syncCounts", {
    read: f.number(run.ordersRead),
    processed: f.number(run.ordersProcessed),
    recovered: f.number(run.ordersRecovered),
  });
  if (run.status === "NEVER")
    return (
      <Text as="p" tone="subdued">
        {t("settings.notReconciled")}
      </Text>
    );
  if (active(run))
    return (
      <BlockStack gap="100">
        <Text as="p">
          {run.status === "QUEUED" ? t("settings.syncQueued") : t("settings.syncing")} {counts}
        </Text>
        <ProgressBar
          progress={run.ordersRead === 0 ? 0 : Math.round((run.ordersProcessed / run.ordersRead) * 100)}
          size="small"
        />
      </BlockStack>
    );
  if (run.status === "FAILED")
    return (
      <Text as="p" tone="critical">
        {t("settings.syncFailed", { error: run.lastError ?? t("settings.unknownError"), counts })}
      </Text>
    );
  return (
    <BlockStack gap="100">
      <Text as="p">{t("settings.syncFinished", { at: f.dateTime(run.finishedAt), counts })}</Text>
      <Text as="p" tone="subdued">
        {t("settings.reconciledUpTo", { at: f.dateTime(run.reconciledThrough) })}
      </Text>
    </BlockStack>
  );
}

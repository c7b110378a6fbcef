import { BlockStack, Button, InlineStack, ProgressBar, Text } from "@shopify/polaris";
import { useCallback, useEffect, useState } from "react";
import { errorMessage, useApiClient } from "../../api/use-api.ts";
import { useToast } from "../../components/toast.tsx";
import { formatDateTime, formatNumber } from "../../format/format.ts";
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
  return (
    <Section
      title="Order reconciliation"
      description="Shopify can drop a webhook after its retries. The app re-reads recently updated orders from Shopify and handles any it missed, exactly once."
    >
      <TextSetting
        fields={fields}
        name="orderReconcileMinutes"
        label="Reconcile orders every"
        suffix="minutes"
        help="Between 5 and 1440"
      />
      <SyncNow />
    </Section>
  );
}

function SyncNow() {
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
      if (!answer.started) toast("A sync is already running");
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
          Sync orders now
        </Text>
        <Button onClick={syncNow} loading={starting} disabled={running}>
          Sync now
        </Button>
      </InlineStack>
      <div role="status" aria-live="polite" data-sync-status>
        {run && <RunStatus run={run} />}
      </div>
    </BlockStack>
  );
}

function RunStatus({ run }: { run: Reconciliation }) {
  const counts = `${formatNumber(run.ordersRead)} orders read, ${formatNumber(run.ordersProcessed)} processed, ${formatNumber(run.ordersRecovered)} recovered`;
  if (run.status === "NEVER")
    return (
      <Text as="p" tone="subdued">
        Not reconciled yet.
      </Text>
    );
  if (active(run))
    return (
      <BlockStack gap="100">
        <Text as="p">
          {run.status === "QUEUED" ? "Sync queued…" : "Syncing…"} {counts}
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
        Last sync failed: {run.lastError ?? "unknown error"}. {counts}
      </Text>
    );
  return (
    <BlockStack gap="100">
      <Text as="p">
        Last sync finished {formatDateTime(run.finishedAt)}: {counts}.
      </Text>
      <Text as="p" tone="subdued">
        Orders reconciled up to {formatDateTime(run.reconciledThrough)}.
      </Text>
    </BlockStack>
  );
}

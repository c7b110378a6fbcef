import { BlockStack, InlineGrid, Layout, Page, Select, Text } from "@shopify/polaris";
import { useState } from "react";
import { useApi } from "../../api/use-api.ts";
import { ApiView, CardSkeleton } from "../../components/page-states.tsx";
import { formatNumber, formatPercent } from "../../format/format.ts";
import { formatDuration } from "../../format/format-duration.ts";
import type {
  AlertMetricsResponse,
  BackorderMetricsResponse,
  DemandResponse,
  SetupGuideResponse,
} from "../../../../contract/api-responses.ts";
import { AlertsSection } from "./alerts-section.tsx";
import { MetricCard } from "./metric-card.tsx";
import { MostWantedCard } from "./most-wanted-card.tsx";
import { SetupGuideCard, useSetupGuide } from "./setup/setup-guide-card.tsx";
import { useApiClient } from "../../api/use-api.ts";

const PERIODS = [
  { label: "Last 7 days", value: "7" },
  { label: "Last 30 days", value: "30" },
  { label: "Last 90 days", value: "90" },
];

function periodQuery(days: number, now = new Date()): string {
  const to = now.toISOString().slice(0, 10);
  const from = new Date(now.getTime() - (days - 1) * 86_400_000).toISOString().slice(0, 10);
  return `from=${from}&to=${to}`;
}

function periodStart(days: number, now = new Date()): string {
  return new Date(
    `${new Date(now.getTime() - (days - 1) * 86_400_000).toISOString().slice(0, 10)}T00:00:00Z`,
  ).toISOString();
}

/** What the partial/full counts mean, in units: how much of a partial line waited, and overall. */
function mixDetail(mix: BackorderMetricsResponse["mix"]): string {
  if (mix.partialLines + mix.fullLines === 0) return "no backordered lines in the period";
  const partial =
    mix.partialLines > 0
      ? `Partial lines: ${formatNumber(mix.partialBackorderedUnits)} of ${formatNumber(mix.partialOrderedUnits)} units waited, the rest came from stock · `
      : "";
  return `${partial}${formatPercent(mix.backorderedUnitShare)} of the units ordered on these lines were backordered`;
}

export function DashboardPage() {
  const [days, setDays] = useState("30");
  const query = periodQuery(Number(days));
  // The backorders API takes instants (its period ends now); the alerts API takes inclusive days.
  const backorders = useApi<BackorderMetricsResponse>(
    `/backorders/metrics?from=${encodeURIComponent(periodStart(Number(days)))}`,
  );
  const alerts = useApi<AlertMetricsResponse>(`/activity/alerts?${query}`);
  const demand = useApi<DemandResponse>("/subscriptions/demand");
  const { guide, setGuide } = useSetupGuide();
  const api = useApiClient();
  const reopen =
    guide?.dismissed && guide.completed < guide.steps.length
      ? [
          {
            content: "Show setup guide",
            onAction: () =>
              void api
                .request<SetupGuideResponse>("/setup-guide", {
                  method: "PUT",
                  body: { dismissed: false },
                })
                .then((r) => setGuide(r.guide)),
          },
        ]
      : undefined;

  return (
    <Page title="Dashboard" secondaryActions={reopen}>
      <BlockStack gap="400">
        <SetupGuideCard guide={guide} onChange={setGuide} />
        <InlineGrid columns={{ xs: 1, md: "2fr 1fr" }}>
          <Text as="p" tone="subdued">
            Backorders and back-in-stock alerts at a glance.
          </Text>
          <Select label="Period" labelInline options={PERIODS} value={days} onChange={setDays} />
        </InlineGrid>
        <Layout>
          <Layout.Section>
            <ApiView
              state={backorders}
              what="Backorder metrics"
              skeleton={<CardSkeleton lines={4} minHeight="132px" />}
            >
              {(m) => {
                return (
                  <BlockStack gap="400">
                    <InlineGrid columns={{ xs: 1, sm: 2, md: 4 }} gap="400">
                      <MetricCard
                        label="Open backorders"
                        value={formatNumber(m.openOrders)}
                        detail={`${formatNumber(m.openLines)} lines · ${formatNumber(m.openUnits)} units`}
                      />
                      <MetricCard
                        label="Backorder rate"
                        value={formatPercent(m.backorderRate)}
                        detail="of orders in the period"
                      />
                      <MetricCard
                        label="Average backorder time"
                        value={formatDuration(m.avgDurationHours)}
                        detail="order placed → ready"
                      />
                      <MetricCard
                        label="90th percentile"
                        value={formatDuration(m.p90DurationHours)}
                        detail="9 in 10 were ready sooner"
                      />
                    </InlineGrid>
                    <MetricCard
                      label="Partial vs full backorders"
                      value={`${formatNumber(m.mix.partialLines)} partial · ${formatNumber(m.mix.fullLines)} full`}
                      detail={mixDetail(m.mix)}
                    />
                  </BlockStack>
                );
              }}
            </ApiView>
          </Layout.Section>
          <Layout.Section>
            <ApiView
              state={alerts}
              what="Alert results"
              skeleton={<CardSkeleton lines={12} minHeight="420px" />}
            >
              {(a) => <AlertsSection alerts={a} />}
            </ApiView>
          </Layout.Section>
          <Layout.Section>
            <ApiView
              state={demand}
              what="Subscriber demand"
              skeleton={<CardSkeleton lines={5} minHeight="200px" />}
            >
              {(body) => <MostWantedCard rows={body.variants} />}
            </ApiView>
          </Layout.Section>
        </Layout>
      </BlockStack>
    </Page>
  );
}

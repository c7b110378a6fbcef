import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { BlockStack, InlineGrid, Layout, Page, Select, Text } from "@shopify/polaris";
import { useState } from "react";
import { useApi } from "../../api/use-api.ts";
import { ApiView, CardSkeleton } from "../../components/page-states.tsx";
import type { Formats } from "../../format/format.ts";
import { useFormats } from "../../format/use-formats.tsx";
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

const PERIOD_DAYS = ["7", "30", "90"];

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
function mixDetail(mix: BackorderMetricsResponse["mix"], t: TFunction, f: Formats): string {
  if (mix.partialLines + mix.fullLines === 0) return t("dashboard.mixNone");
  const share = t("dashboard.mixShare", { percent: f.percent(mix.backorderedUnitShare) });
  if (mix.partialLines === 0) return share;
  const partial = t("dashboard.mixPartial", {
    waited: f.number(mix.partialBackorderedUnits),
    ordered: f.number(mix.partialOrderedUnits),
  });
  return `${partial} · ${share}`;
}

export function DashboardPage() {
  const { t } = useTranslation();
  const f = useFormats();
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
            content: t("dashboard.showSetupGuide"),
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
    <Page title={t("dashboard.title")} secondaryActions={reopen}>
      <BlockStack gap="400">
        <SetupGuideCard guide={guide} onChange={setGuide} />
        <InlineGrid columns={{ xs: 1, md: "2fr 1fr" }}>
          <Text as="p" tone="subdued">
            {t("dashboard.intro")}
          </Text>
          <Select
            label={t("dashboard.period")}
            labelInline
            options={PERIOD_DAYS.map((value) => ({ value, label: t("dashboard.lastDays", { days: value }) }))}
            value={days}
            onChange={setDays}
          />
        </InlineGrid>
        <Layout>
          <Layout.Section>
            <ApiView
              state={backorders}
              what={t("dashboard.backorderMetrics")}
              skeleton={<CardSkeleton lines={4} minHeight="132px" />}
            >
              {(m) => {
                return (
                  <BlockStack gap="400">
                    <InlineGrid columns={{ xs: 1, sm: 2, md: 4 }} gap="400">
                      <MetricCard
                        label={t("dashboard.openBackorders")}
                        value={f.number(m.openOrders)}
                        detail={t("dashboard.linesUnits", {
                          lines: f.number(m.openLines),
                          units: f.number(m.openUnits),
                        })}
                      />
                      <MetricCard
                        label={t("dashboard.backorderRate")}
                        value={f.percent(m.backorderRate)}
                        detail={t("dashboard.backorderRateDetail")}
                      />
                      <MetricCard
                        label={t("dashboard.averageTime")}
                        value={formatDuration(m.avgDurationHours, f.locale)}
                        detail={t("dashboard.averageTimeDetail")}
                      />
                      <MetricCard
                        label={t("dashboard.p90")}
                        value={formatDuration(m.p90DurationHours, f.locale)}
                        detail={t("dashboard.p90Detail")}
                      />
                    </InlineGrid>
                    <MetricCard
                      label={t("dashboard.mix")}
                      value={t("dashboard.mixValue", {
                        partial: f.number(m.mix.partialLines),
                        full: f.number(m.mix.fullLines),
                      })}
                      detail={mixDetail(m.mix, t, f)}
                    />
                  </BlockStack>
                );
              }}
            </ApiView>
          </Layout.Section>
          <Layout.Section>
            <ApiView
              state={alerts}
              what={t("dashboard.alertResults")}
              skeleton={<CardSkeleton lines={12} minHeight="420px" />}
            >
              {(a) => <AlertsSection alerts={a} />}
            </ApiView>
          </Layout.Section>
          <Layout.Section>
            <ApiView
              state={demand}
              what={t("dashboard.subscriberDemand")}
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

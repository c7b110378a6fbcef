import { useTranslation } from "react-i18next";
import { BlockStack, Card, InlineGrid, Text } from "@shopify/polaris";
import { EmptyCard } from "../../components/page-states.tsx";
import { TrendChart } from "../../components/trend-chart.tsx";
import { useFormats } from "../../format/use-formats.tsx";
import type { AlertMetricsResponse } from "../../../../contract/api-responses.ts";
import { MetricCard } from "./metric-card.tsx";

/** What back-in-stock alerts did in the period: sent, conversions, revenue, and their daily trend. */
export function AlertsSection({ alerts: a }: { alerts: AlertMetricsResponse }) {
  const { t } = useTranslation();
  const f = useFormats();
  return (
    <BlockStack gap="400">
      <InlineGrid columns={{ xs: 1, sm: 2, md: 4 }} gap="400">
        <MetricCard
          label={t("dashboard.alertsSent")}
          value={f.number(a.alertsSent)}
          detail={t("dashboard.alertsFailed", { failed: f.number(a.alertsFailed) })}
        />
        <MetricCard
          label={t("dashboard.conversions")}
          value={f.number(a.conversions)}
          detail={t("dashboard.ofAlerts", { percent: f.percent(a.conversionRate) })}
        />
        <MetricCard
          label={t("dashboard.revenue")}
          value={f.money(a.revenue, a.currency)}
          detail={t("dashboard.revenueDetail")}
        />
        <MetricCard
          label={t("dashboard.revenuePerAlert")}
          value={f.money(a.alertsSent ? a.revenue / a.alertsSent : 0, a.currency)}
          detail={t("dashboard.revenuePerAlertDetail")}
        />
      </InlineGrid>
      <InlineGrid columns={{ xs: 1, md: 2 }} gap="400">
        <Card>
          <BlockStack gap="200">
            <Text as="h2" variant="headingSm">
              {t("dashboard.alertsPerDay")}
            </Text>
            {a.alertsSent + a.conversions === 0 ? (
              <EmptyCard heading={t("dashboard.noAlerts")}>{t("dashboard.noAlertsBody")}</EmptyCard>
            ) : (
              <TrendChart
                type="line"
                label={t("dashboard.alertsPerDayChart")}
                series={[
                  {
                    name: t("dashboard.alertsSent"),
                    data: a.daily.map((d) => ({ key: d.date, value: d.sent })),
                  },
                  {
                    name: t("dashboard.conversions"),
                    data: a.daily.map((d) => ({ key: d.date, value: d.conversions })),
                  },
                ]}
              />
            )}
          </BlockStack>
        </Card>
        <Card>
          <BlockStack gap="200">
            <Text as="h2" variant="headingSm">
              {t("dashboard.revenuePerDay")}
            </Text>
            {a.revenue === 0 ? (
              <EmptyCard heading={t("dashboard.noRevenue")}>{t("dashboard.noRevenueBody")}</EmptyCard>
            ) : (
              <TrendChart
                type="bar"
                label={t("dashboard.revenuePerDay")}
                series={[
                  {
                    name: t("dashboard.revenueSeries"),
                    data: a.daily.map((d) => ({ key: d.date, value: d.revenue })),
                  },
                ]}
              />
            )}
          </BlockStack>
        </Card>
      </InlineGrid>
    </BlockStack>
  );
}

import { BlockStack, Card, InlineGrid, Text } from "@shopify/polaris";
import { EmptyCard } from "../../components/page-states.tsx";
import { TrendChart } from "../../components/trend-chart.tsx";
import { formatMoney, formatNumber, formatPercent } from "../../format/format.ts";
import type { AlertMetricsResponse } from "../../../../contract/api-responses.ts";
import { MetricCard } from "./metric-card.tsx";

/** What back-in-stock alerts did in the period: sent, conversions, revenue, and their daily trend. */
export function AlertsSection({ alerts: a }: { alerts: AlertMetricsResponse }) {
  return (
    <BlockStack gap="400">
      <InlineGrid columns={{ xs: 1, sm: 2, md: 4 }} gap="400">
        <MetricCard
          label="Alerts sent"
          value={formatNumber(a.alertsSent)}
          detail={`${formatNumber(a.alertsFailed)} failed`}
        />
        <MetricCard
          label="Conversions"
          value={formatNumber(a.conversions)}
          detail={`${formatPercent(a.conversionRate)} of alerts`}
        />
        <MetricCard
          label="Revenue from alerts"
          value={formatMoney(a.revenue, a.currency)}
          detail="attributed orders"
        />
        <MetricCard
          label="Revenue per alert"
          value={formatMoney(a.alertsSent ? a.revenue / a.alertsSent : 0, a.currency)}
          detail="revenue ÷ alerts sent"
        />
      </InlineGrid>
      <InlineGrid columns={{ xs: 1, md: 2 }} gap="400">
        <Card>
          <BlockStack gap="200">
            <Text as="h2" variant="headingSm">
              Alerts and conversions per day
            </Text>
            {a.alertsSent + a.conversions === 0 ? (
              <EmptyCard heading="No alerts in this period">
                Alerts appear here once restocked variants notify subscribers.
              </EmptyCard>
            ) : (
              <TrendChart
                type="line"
                label="Alerts sent and conversions per day"
                series={[
                  {
                    name: "Alerts sent",
                    data: a.daily.map((d) => ({ key: d.date, value: d.sent })),
                  },
                  {
                    name: "Conversions",
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
              Revenue from alerts per day
            </Text>
            {a.revenue === 0 ? (
              <EmptyCard heading="No attributed revenue yet">
                Orders placed after an alert show up here.
              </EmptyCard>
            ) : (
              <TrendChart
                type="bar"
                label="Revenue from alerts per day"
                series={[
                  {
                    name: "Revenue",
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

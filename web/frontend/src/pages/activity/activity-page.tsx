import { useTranslation } from "react-i18next";
import {
  BlockStack,
  Card,
  IndexTable,
  InlineStack,
  Page,
  Pagination,
  Select,
  Tabs,
  useBreakpoints,
} from "@shopify/polaris";
import { useState } from "react";
import { useApi } from "../../api/use-api.ts";
import { ApiView, CardSkeleton, EmptyCard } from "../../components/page-states.tsx";
import type { ActivityPageResponse } from "../../../../contract/api-responses.ts";
import { ActivityRow } from "./activity-row.tsx";

const TABS = [
  { id: "all", content: "activity.tab.all" },
  { id: "notifications", content: "activity.tab.notifications" },
  { id: "webhooks", content: "activity.tab.webhooks" },
] as const;
const STATUSES = [
  { label: "activity.anyStatus", value: "" },
  { label: "activity.status.PENDING", value: "PENDING,SENDING" },
  { label: "activity.status.SENT", value: "SENT" },
  { label: "activity.status.FAILED", value: "FAILED" },
  { label: "activity.status.SUPPRESSED", value: "SUPPRESSED" },
] as const;

export default function ActivityPage() {
  const { t } = useTranslation();
  const { smDown } = useBreakpoints();
  const [tab, setTab] = useState(0);
  const [status, setStatus] = useState("");
  // Cursors of the pages before the current one, so "previous" works with keyset pagination.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const cursor = cursors.at(-1) ?? null;
  const source = TABS[tab]?.id ?? "all";
  const params = new URLSearchParams({ source, limit: "50" });
  if (status && source !== "webhooks") params.set("status", status);
  if (cursor) params.set("cursor", cursor);
  const state = useApi<ActivityPageResponse>(`/activity?${params}`);
  const reset = () => setCursors([null]);

  return (
    <Page title={t("activity.title")} subtitle={t("activity.subtitle")}>
      <BlockStack gap="400">
        <Card padding="0">
          <Tabs
            tabs={TABS.map((x) => ({ id: x.id, content: t(x.content) }))}
            selected={tab}
            onSelect={(i) => {
              setTab(i);
              reset();
            }}
          />
          {source !== "webhooks" ? (
            <div style={{ padding: "var(--p-space-300)" }}>
              <InlineStack>
                <Select
                  label={t("activity.emailStatus")}
                  labelInline
                  options={STATUSES.map((s) => ({ label: t(s.label), value: s.value }))}
                  value={status}
                  onChange={(v) => {
                    setStatus(v);
                    reset();
                  }}
                />
              </InlineStack>
            </div>
          ) : null}
        </Card>
        <ApiView
          state={state}
          what={t("activity.theActivityLog")}
          skeleton={<CardSkeleton lines={12} minHeight="420px" />}
        >
          {(data) => {
            if (data.items.length === 0 && cursors.length === 1)
              return <EmptyCard heading={t("activity.empty")}>{t("activity.emptyBody")}</EmptyCard>;
            return (
              <Card padding="0">
                <IndexTable
                  resourceName={{ singular: t("activity.event"), plural: t("activity.events") }}
                  itemCount={data.items.length}
                  selectable={false}
                  condensed={smDown}
                  headings={[
                    { title: t("backorders.when") },
                    { title: t("backorders.what") },
                    { title: t("backorders.statusHeading") },
                    { title: t("activity.recipient") },
                    { title: t("activity.attempts"), alignment: "end" },
                    { title: t("activity.error") },
                  ]}
                >
                  {data.items.map((item, index) => (
                    <ActivityRow
                      key={`${item.source}:${item.id}`}
                      item={item}
                      index={index}
                      condensed={smDown}
                    />
                  ))}
                </IndexTable>
                <InlineStack align="center">
                  <Pagination
                    hasPrevious={cursors.length > 1}
                    hasNext={data.nextCursor !== null}
                    onPrevious={() => setCursors((c) => c.slice(0, -1))}
                    onNext={() => setCursors((c) => [...c, data.nextCursor])}
                  />
                </InlineStack>
              </Card>
            );
          }}
        </ApiView>
      </BlockStack>
    </Page>
  );
}

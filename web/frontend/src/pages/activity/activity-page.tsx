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
  { id: "all", content: "All" },
  { id: "notifications", content: "Notifications" },
  { id: "webhooks", content: "Webhook errors" },
];
const STATUSES = [
  { label: "Any status", value: "" },
  { label: "Queued", value: "PENDING,SENDING" },
  { label: "Sent", value: "SENT" },
  { label: "Failed", value: "FAILED" },
  { label: "Suppressed", value: "SUPPRESSED" },
];

export default function ActivityPage() {
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
    <Page
      title="Activity log"
      subtitle="Emails queued, sent, failed or suppressed, and webhook processing errors"
    >
      <BlockStack gap="400">
        <Card padding="0">
          <Tabs
            tabs={TABS}
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
                  label="Email status"
                  labelInline
                  options={STATUSES}
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
          what="The activity log"
          skeleton={<CardSkeleton lines={12} minHeight="420px" />}
        >
          {(data) => {
            if (data.items.length === 0 && cursors.length === 1)
              return (
                <EmptyCard heading="Nothing here yet">
                  Emails and webhook problems are recorded here as they happen.
                </EmptyCard>
              );
            return (
              <Card padding="0">
                <IndexTable
                  resourceName={{ singular: "event", plural: "events" }}
                  itemCount={data.items.length}
                  selectable={false}
                  condensed={smDown}
                  headings={[
                    { title: "When" },
                    { title: "What" },
                    { title: "Status" },
                    { title: "Recipient" },
                    { title: "Attempts", alignment: "end" },
                    { title: "Error" },
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

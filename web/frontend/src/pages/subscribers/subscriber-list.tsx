import {
  Badge,
  BlockStack,
  DataTable,
  InlineStack,
  Pagination,
  Select,
  Text,
  Tooltip,
} from "@shopify/polaris";
import { useState } from "react";
import { useApi } from "../../api/use-api.ts";
import { ApiView, CardSkeleton } from "../../components/page-states.tsx";
import { formatDateTime } from "../../format/format.ts";
import type { SubscriberPageResponse } from "../../../../contract/api-responses.ts";
import { STATUS_HELP, subscribersPath } from "./subscribers-contract.ts";

const STATUS_TONE: Record<string, "success" | "attention" | "info" | undefined> = {
  ACTIVE: "success",
  PENDING: "attention",
  NOTIFIED: "info",
};

const STATUS_FILTERS = [
  { label: "All statuses", value: "" },
  ...["ACTIVE", "PENDING", "NOTIFIED", "UNSUBSCRIBED", "EXPIRED"].map((value) => ({
    value,
    label: STATUS_HELP[value]?.label ?? value,
  })),
];

/**
 * A variant's subscribers, newest first, 50 a page (keyset cursors: earlier pages are remembered),
 * filtered by status; each status badge explains itself on hover and in the legend below.
 */
export function SubscriberList({ variantId }: { variantId: string }) {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [status, setStatus] = useState("");
  const state = useApi<SubscriberPageResponse>(subscribersPath(variantId, cursors.at(-1) ?? null, status));
  const filter = (
    <Select
      label="Show"
      labelInline
      options={STATUS_FILTERS}
      value={status}
      onChange={(value) => {
        setCursors([null]);
        setStatus(value);
      }}
    />
  );
  return (
    <ApiView state={state} what="The subscriber list" skeleton={<CardSkeleton lines={6} />}>
      {(body) => {
        const { subscribers: rows, nextCursor } = body;
        if (rows.length === 0)
          return (
            <BlockStack gap="200">
              {filter}
              <Text as="p" tone="subdued">
                No subscribers {status ? "with this status " : ""}for this variant.
              </Text>
            </BlockStack>
          );
        return (
          <BlockStack gap="200">
            {filter}
            <DataTable
              columnContentTypes={["text", "text", "text", "text", "text"]}
              headings={["Email", "Status", "Marketing", "Subscribed", "Notified"]}
              rows={rows.map((s) => [
                s.email,
                <Tooltip key={s.id} content={STATUS_HELP[s.status]?.help}>
                  <Badge tone={STATUS_TONE[s.status]}>{STATUS_HELP[s.status]?.label ?? s.status}</Badge>
                </Tooltip>,
                s.marketingConsent ? "Accepted" : "—",
                formatDateTime(s.createdAt),
                formatDateTime(s.notifiedAt),
              ])}
            />
            <BlockStack gap="100">
              {["ACTIVE", "PENDING", "NOTIFIED"].map((key) => (
                <Text key={key} as="p" variant="bodySm" tone="subdued">
                  <Text as="span" fontWeight="semibold">
                    {STATUS_HELP[key]?.label}:
                  </Text>{" "}
                  {STATUS_HELP[key]?.help}
                </Text>
              ))}
            </BlockStack>
            {cursors.length > 1 || nextCursor ? (
              <InlineStack align="center">
                <Pagination
                  hasPrevious={cursors.length > 1}
                  hasNext={nextCursor !== null}
                  onPrevious={() => setCursors((c) => c.slice(0, -1))}
                  onNext={() => nextCursor && setCursors((c) => [...c, nextCursor])}
                  label={`Page ${cursors.length}`}
                />
              </InlineStack>
            ) : null}
          </BlockStack>
        );
      }}
    </ApiView>
  );
}

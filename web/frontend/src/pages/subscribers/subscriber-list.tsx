import { Badge, BlockStack, DataTable, InlineStack, Pagination, Text } from "@shopify/polaris";
import { useState } from "react";
import { useApi } from "../../api/use-api.ts";
import { ApiView, CardSkeleton } from "../../components/page-states.tsx";
import { formatDateTime } from "../../format/format.ts";
import type { SubscriberPageResponse } from "../../../../contract/api-responses.ts";
import { subscribersPath } from "./subscribers-contract.ts";

const STATUS_TONE: Record<string, "success" | "attention" | "info" | undefined> = {
  ACTIVE: "success",
  PENDING: "attention",
  NOTIFIED: "info",
};

/** A variant's subscribers, newest first, 50 a page (keyset cursors: earlier pages are remembered). */
export function SubscriberList({ variantId }: { variantId: string }) {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const state = useApi<SubscriberPageResponse>(subscribersPath(variantId, cursors.at(-1) ?? null));
  return (
    <ApiView state={state} what="The subscriber list" skeleton={<CardSkeleton lines={6} />}>
      {(body) => {
        const { subscribers: rows, nextCursor } = body;
        if (rows.length === 0)
          return (
            <Text as="p" tone="subdued">
              No subscribers for this variant.
            </Text>
          );
        return (
          <BlockStack gap="200">
            <DataTable
              columnContentTypes={["text", "text", "text", "text", "text"]}
              headings={["Email", "Status", "Marketing", "Subscribed", "Notified"]}
              rows={rows.map((s) => [
                s.email,
                <Badge key={s.id} tone={STATUS_TONE[s.status]}>
                  {s.status.toLowerCase()}
                </Badge>,
                s.marketingConsent ? "accepted" : "—",
                formatDateTime(s.createdAt),
                formatDateTime(s.notifiedAt),
              ])}
            />
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

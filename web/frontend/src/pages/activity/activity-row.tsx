import { Badge, BlockStack, IndexTable, InlineStack, Text } from "@shopify/polaris";
import type { ActivityItem } from "../../../../contract/api-responses.ts";
import { formatDateTime } from "../../format/format.ts";

const TONE: Record<string, "success" | "critical" | "warning" | "attention" | undefined> = {
  SENT: "success",
  FAILED: "critical",
  SUPPRESSED: "warning",
  SKIPPED: "attention",
  PENDING: undefined,
};
const LABEL: Record<string, string> = { PENDING: "queued", SENDING: "sending" };

const what = (item: ActivityItem) =>
  item.source === "webhook" ? `Webhook ${item.kind}` : `Email: ${item.kind.replaceAll("_", " ")}`;

/**
 * One event of the activity log: six columns, or (condensed, on a phone) one cell with what and
 * its status, then when, the recipient and the attempts, then the error.
 */
export function ActivityRow({
  item,
  index,
  condensed,
}: {
  item: ActivityItem;
  index: number;
  condensed: boolean;
}) {
  const id = `${item.source}:${item.id}`;
  const status = <Badge tone={TONE[item.status]}>{LABEL[item.status] ?? item.status.toLowerCase()}</Badge>;
  if (condensed) {
    return (
      <IndexTable.Row id={id} position={index}>
        <div style={{ padding: "var(--p-space-300) var(--p-space-400)" }}>
          <BlockStack gap="100">
            <InlineStack gap="200" blockAlign="center" wrap>
              <Text as="span" fontWeight="semibold" breakWord>
                {what(item)}
              </Text>
              {status}
            </InlineStack>
            <Text as="p" variant="bodySm" tone="subdued" breakWord>
              {[formatDateTime(item.at), item.recipient, `${item.attempts} attempts`]
                .filter(Boolean)
                .join(" · ")}
            </Text>
            {item.error ? (
              <Text as="p" variant="bodySm" tone="critical" breakWord>
                {item.error}
              </Text>
            ) : null}
          </BlockStack>
        </div>
      </IndexTable.Row>
    );
  }
  return (
    <IndexTable.Row id={id} position={index}>
      <IndexTable.Cell>{formatDateTime(item.at)}</IndexTable.Cell>
      <IndexTable.Cell>
        <Text as="span">{what(item)}</Text>
      </IndexTable.Cell>
      <IndexTable.Cell>{status}</IndexTable.Cell>
      <IndexTable.Cell>{item.recipient ?? "—"}</IndexTable.Cell>
      <IndexTable.Cell>
        <Text as="span" alignment="end" numeric>
          {item.attempts}
        </Text>
      </IndexTable.Cell>
      <IndexTable.Cell>
        <Text as="span" tone={item.error ? "critical" : "subdued"} breakWord>
          {item.error ?? "—"}
        </Text>
      </IndexTable.Cell>
    </IndexTable.Row>
  );
}

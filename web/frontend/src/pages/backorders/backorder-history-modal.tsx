import { BlockStack, DataTable, Text } from "@shopify/polaris";
import { AppModal, AppModalSection } from "../../app-bridge/app-modal.tsx";
import { formatDateTime, formatNumber } from "../../format/format.ts";
import { variantLabel } from "../../format/variant-label.ts";
import { orderLabel, type BackorderRow } from "./backorders-contract.ts";

const KIND_LABEL: Record<string, string> = {
  create: "Backordered",
  update: "Units changed",
  ready: "Ready to ship",
  reopen: "Backordered again",
  fulfill: "Fulfilled",
  cancel: "Cancelled",
};

/** One line's unit timeline: each time its backordered units or status changed. */
export function BackorderHistoryModal({ row, onClose }: { row: BackorderRow; onClose: () => void }) {
  const ordered = row.orderedQuantity;
  return (
    <AppModal
      onClose={onClose}
      title={`${orderLabel(row)} · ${variantLabel(row)}`}
      secondaryActions={[{ content: "Close", onAction: onClose }]}
    >
      <AppModalSection>
        <BlockStack gap="300">
          <Text as="p">
            {summary(row)}
            {row.backorderType === "partial" && ordered !== null && row.peakBackorderedQuantity !== null
              ? ` Partial backorder: ${formatNumber(ordered - row.peakBackorderedQuantity)} of ${formatNumber(ordered)} units came from stock.`
              : row.backorderType === "full"
                ? " Full backorder: no unit came from stock."
                : ""}
          </Text>
          {row.history.length === 0 ? (
            <Text as="p" tone="subdued">
              This line was backordered before the app kept a timeline of its units.
            </Text>
          ) : (
            <DataTable
              columnContentTypes={["text", "text", "numeric", "numeric"]}
              headings={["When", "What", "Backordered", "Still to ship"]}
              rows={row.history.map((e) => [
                formatDateTime(e.at),
                KIND_LABEL[e.kind] ?? e.kind,
                formatNumber(e.backorderedQuantity),
                formatNumber(e.quantity),
              ])}
            />
          )}
        </BlockStack>
      </AppModalSection>
    </AppModal>
  );
}

function summary(row: BackorderRow): string {
  const first = row.initialBackorderedQuantity;
  const peak = row.peakBackorderedQuantity;
  if (first === null && peak === null) return "Units backordered at first and at the peak are not known.";
  return `Backordered at first: ${formatNumber(first)} · at the peak: ${formatNumber(peak)}.`;
}

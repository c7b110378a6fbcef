import {
  Badge,
  Button,
  Card,
  IndexTable,
  InlineStack,
  Text,
  useBreakpoints,
  useIndexResourceState,
} from "@shopify/polaris";
import { VariantName } from "../../components/variant-name.tsx";
import { variantLabel } from "../../format/variant-label.ts";
import { useState, type ReactNode } from "react";
import { formatDate, formatNumber } from "../../format/format.ts";
import { EtaBulkModal } from "./eta-bulk-modal.tsx";
import { EtaEditModal } from "./eta-edit-modal.tsx";
import type { EtaRowView } from "./etas-contract.ts";

const SOURCE_LABEL: Record<string, string> = {
  variant: "",
  product: "product lead time",
  shop: "shop lead time",
  none: "",
};

/** Variants with stock, policy and ETA; select many for a bulk ETA, or edit one in its row. */
export function EtaTable({
  rows,
  today,
  onChanged,
  filters,
}: {
  rows: EtaRowView[];
  /** The list's IndexFilters, drawn at the top of the table's card. */
  filters: ReactNode;
  /** The shop's calendar day: the modals warn about an earlier date. */
  today: string;
  onChanged: (message: string) => void;
}) {
  const { selectedResources, allResourcesSelected, handleSelectionChange, clearSelection } =
    useIndexResourceState(rows.map((r) => ({ id: r.variantId })));
  const [editing, setEditing] = useState<EtaRowView | null>(null);
  const [bulkOpen, setBulkOpen] = useState(false);
  const { smDown } = useBreakpoints();
  return (
    <Card padding="0">
      {filters}
      <IndexTable
        condensed={smDown}
        resourceName={{ singular: "variant", plural: "variants" }}
        itemCount={rows.length}
        selectedItemsCount={allResourcesSelected ? "All" : selectedResources.length}
        onSelectionChange={handleSelectionChange}
        promotedBulkActions={[{ content: "Set ETA", onAction: () => setBulkOpen(true) }]}
        headings={[
          { title: "Variant" },
          { title: "Available", alignment: "end" },
          { title: "Policy" },
          { title: "ETA" },
          { title: "Message" },
          { title: "" },
        ]}
      >
        {rows.map((row, index) => (
          <IndexTable.Row
            id={row.variantId}
            key={row.variantId}
            position={index}
            selected={selectedResources.includes(row.variantId)}
            tone={row.overdue ? "critical" : undefined}
          >
            <IndexTable.Cell>
              <VariantName productTitle={row.productTitle} variantTitle={row.variantTitle} sku={row.sku} />
            </IndexTable.Cell>
            <IndexTable.Cell>
              <Text as="span" alignment="end" numeric tone={row.available < 0 ? "critical" : undefined}>
                {row.tracked ? formatNumber(row.available) : "not tracked"}
              </Text>
            </IndexTable.Cell>
            <IndexTable.Cell>
              {row.inventoryPolicy === "CONTINUE" ? (
                <Badge tone="info">Continue selling</Badge>
              ) : (
                <Badge>Stop selling</Badge>
              )}
            </IndexTable.Cell>
            <IndexTable.Cell>
              <InlineStack gap="100" blockAlign="center">
                <span>{formatDate(row.eta)}</span>
                {row.overdue ? <Badge tone="critical">Overdue</Badge> : null}
                {row.eta && SOURCE_LABEL[row.etaSource] ? (
                  <Text as="span" variant="bodySm" tone="subdued">
                    ({SOURCE_LABEL[row.etaSource]})
                  </Text>
                ) : null}
              </InlineStack>
            </IndexTable.Cell>
            <IndexTable.Cell>{row.message ?? "—"}</IndexTable.Cell>
            <IndexTable.Cell>
              {/* A click on Edit opens the variant; it must not also select the row. */}
              <span onClick={(e) => e.stopPropagation()}>
                <Button
                  variant="plain"
                  onClick={() => setEditing(row)}
                  accessibilityLabel={`Edit ${variantLabel(row)}`}
                >
                  Edit
                </Button>
              </span>
            </IndexTable.Cell>
          </IndexTable.Row>
        ))}
      </IndexTable>
      {editing ? (
        <EtaEditModal
          row={editing}
          today={today}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            onChanged("Variant saved");
          }}
        />
      ) : null}
      {bulkOpen ? (
        <EtaBulkModal
          variantIds={allResourcesSelected ? rows.map((r) => r.variantId) : selectedResources}
          today={today}
          onClose={() => setBulkOpen(false)}
          onSaved={(count) => {
            setBulkOpen(false);
            clearSelection();
            onChanged(`ETA set on ${count} variant${count === 1 ? "" : "s"}`);
          }}
        />
      ) : null}
    </Card>
  );
}

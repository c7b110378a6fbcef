import { useTranslation } from "react-i18next";
import { Card, IndexTable, useBreakpoints, useIndexResourceState } from "@shopify/polaris";
import { useState, type ReactNode } from "react";
import { useFormats } from "../../format/use-formats.tsx";
import { EtaBulkModal } from "./eta-bulk-modal.tsx";
import { EtaEditModal } from "./eta-edit-modal.tsx";
import { EtaTableRow } from "./eta-table-row.tsx";
import type { EtaRowView } from "./etas-contract.ts";

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
  const { t } = useTranslation();
  const f = useFormats();
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
        resourceName={{ singular: t("subscribers.variantSingular"), plural: t("subscribers.variantPlural") }}
        itemCount={rows.length}
        selectedItemsCount={allResourcesSelected ? "All" : selectedResources.length}
        onSelectionChange={handleSelectionChange}
        promotedBulkActions={[{ content: t("etas.setEta"), onAction: () => setBulkOpen(true) }]}
        headings={[
          { title: t("common.variant") },
          { title: t("subscribers.available"), alignment: "end" },
          { title: t("etas.policy") },
          { title: t("etas.eta") },
          { title: t("etas.message") },
          { title: "" },
        ]}
      >
        {rows.map((row, index) => (
          <EtaTableRow
            key={row.variantId}
            row={row}
            index={index}
            selected={selectedResources.includes(row.variantId)}
            condensed={smDown}
            onEdit={() => setEditing(row)}
          />
        ))}
      </IndexTable>
      {editing ? (
        <EtaEditModal
          row={editing}
          today={today}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            onChanged(t("etas.variantSaved"));
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
            onChanged(t("etas.etaSetOn", { count, n: f.number(count) }));
          }}
        />
      ) : null}
    </Card>
  );
}

import { useTranslation } from "react-i18next";
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
import { useFormats } from "../../format/use-formats.tsx";
import { EtaBulkModal } from "./eta-bulk-modal.tsx";
import { EtaEditModal } from "./eta-edit-modal.tsx";
import type { EtaRowView } from "./etas-contract.ts";

// Where an ETA without a date of its own comes from.
const SOURCE_LABEL = { product: "etas.source.product", shop: "etas.source.shop" } as const;
const sourceLabelKey = (source: string) =>
  Object.hasOwn(SOURCE_LABEL, source) ? SOURCE_LABEL[source as keyof typeof SOURCE_LABEL] : null;

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
                {row.tracked ? f.number(row.available) : t("etas.notTracked")}
              </Text>
            </IndexTable.Cell>
            <IndexTable.Cell>
              {row.inventoryPolicy === "CONTINUE" ? (
                <Badge tone="info">{t("etas.continueSelling")}</Badge>
              ) : (
                <Badge>{t("etas.stopSelling")}</Badge>
              )}
            </IndexTable.Cell>
            <IndexTable.Cell>
              <InlineStack gap="100" blockAlign="center">
                <span>{f.date(row.eta)}</span>
                {row.overdue ? <Badge tone="critical">{t("backorders.overdue")}</Badge> : null}
                {row.eta && sourceLabelKey(row.etaSource) ? (
                  <Text as="span" variant="bodySm" tone="subdued">
                    ({t(sourceLabelKey(row.etaSource)!)})
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
                  accessibilityLabel={t("etas.editLabel", {
                    variant: variantLabel(row, t("common.untitledProduct")),
                  })}
                >
                  {t("etas.edit")}
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

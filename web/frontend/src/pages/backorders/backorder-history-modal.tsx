import { useTranslation } from "react-i18next";
import { BlockStack, DataTable, Text } from "@shopify/polaris";
import { AppModal, AppModalSection } from "../../app-bridge/app-modal.tsx";
import type { TFunction } from "i18next";
import type { Formats } from "../../format/format.ts";
import { useFormats } from "../../format/use-formats.tsx";
import { variantLabel } from "../../format/variant-label.ts";
import { orderLabel, type BackorderRow } from "./backorders-contract.ts";
import { labelKey } from "../../i18n/label-key.ts";

const KIND_LABEL = {
  create: "backorders.kind.create",
  update: "backorders.kind.update",
  ready: "backorders.status.READY",
  reopen: "backorders.kind.reopen",
  fulfill: "backorders.status.FULFILLED",
  cancel: "backorders.status.CANCELLED",
} as const;
const kindLabelKey = (kind: string) => labelKey(KIND_LABEL, kind);

/** One line's unit timeline: each time its backordered units or status changed. */
export function BackorderHistoryModal({ row, onClose }: { row: BackorderRow; onClose: () => void }) {
  const { t } = useTranslation();
  const f = useFormats();
  const ordered = row.orderedQuantity;
  return (
    <AppModal
      onClose={onClose}
      title={`${orderLabel(row)} · ${variantLabel(row, t("common.untitledProduct"))}`}
      secondaryActions={[{ content: t("common.close"), onAction: onClose }]}
    >
      <AppModalSection>
        <BlockStack gap="300">
          <Text as="p">
            {summary(row, t, f)}
            {row.backorderType === "partial" && ordered !== null && row.peakBackorderedQuantity !== null
              ? ` ${t("backorders.partialBackorder", {
                  fromStock: f.number(ordered - row.peakBackorderedQuantity),
                  ordered: f.number(ordered),
                })}`
              : row.backorderType === "full"
                ? ` ${t("backorders.fullBackorder")}`
                : ""}
          </Text>
          {row.history.length === 0 ? (
            <Text as="p" tone="subdued">
              {t("backorders.noTimeline")}
            </Text>
          ) : (
            <DataTable
              columnContentTypes={["text", "text", "numeric", "numeric"]}
              headings={[
                t("backorders.when"),
                t("backorders.what"),
                t("backorders.backordered"),
                t("backorders.stillToShip"),
              ]}
              rows={row.history.map((e) => {
                const kind = kindLabelKey(e.kind);
                return [
                  f.dateTime(e.at),
                  kind ? t(kind) : e.kind,
                  f.number(e.backorderedQuantity),
                  f.number(e.quantity),
                ];
              })}
            />
          )}
        </BlockStack>
      </AppModalSection>
    </AppModal>
  );
}

function summary(row: BackorderRow, t: TFunction, f: Formats): string {
  const first = row.initialBackorderedQuantity;
  const peak = row.peakBackorderedQuantity;
  if (first === null && peak === null) return t("backorders.firstPeakUnknown");
  return t("backorders.firstPeakSummary", { first: f.number(first), peak: f.number(peak) });
}

import { useTranslation } from "react-i18next";
import { Button, IndexTable, Text, useBreakpoints } from "@shopify/polaris";
import { VariantName } from "../../components/variant-name.tsx";
import type { TFunction } from "i18next";
import type { Formats } from "../../format/format.ts";
import { useFormats } from "../../format/use-formats.tsx";
import { STATUS_HELP, variantLabel, type DemandRow } from "./subscribers-contract.ts";
import { CondensedCell } from "../../components/condensed-cell.tsx";

const numeric = (f: Formats, value: number | null, tone?: "critical") => (
  <Text as="span" alignment="end" numeric tone={tone}>
    {f.number(value)}
  </Text>
);

const viewButton = (row: DemandRow, onOpen: (row: DemandRow) => void, t: TFunction) => (
  <Button
    variant="plain"
    onClick={() => onOpen(row)}
    accessibilityLabel={t("subscribers.subscribersOf", {
      variant: variantLabel(row, t("common.untitledProduct")),
    })}
  >
    {t("subscribers.viewSubscribers")}
  </Button>
);

/**
 * Back-in-stock demand per variant; each count's heading says what the status means. On a phone
 * (condensed) a row is one cell: the variant, then its counts named in words.
 */
export function DemandTable({ rows, onOpen }: { rows: DemandRow[]; onOpen: (row: DemandRow) => void }) {
  const { t } = useTranslation();
  const f = useFormats();
  const { smDown } = useBreakpoints();
  return (
    <IndexTable
      resourceName={{ singular: t("subscribers.variantSingular"), plural: t("subscribers.variantPlural") }}
      itemCount={rows.length}
      selectable={false}
      condensed={smDown}
      headings={[
        { title: t("common.variant") },
        { title: t("subscribers.available"), alignment: "end" },
        ...(["ACTIVE", "PENDING", "NOTIFIED"] as const).map((status) => ({
          title: t(STATUS_HELP[status]!.label),
          alignment: "end" as const,
          tooltipContent: t(STATUS_HELP[status]!.help),
        })),
        { title: t("subscribers.lastAlert") },
        { title: "" },
      ]}
    >
      {rows.map((row, index) =>
        smDown ? (
          <IndexTable.Row id={row.variantId} key={row.variantId} position={index}>
            <CondensedCell>
              <div>
                <VariantName productTitle={row.productTitle} variantTitle={row.variantTitle} sku={row.sku} />
              </div>
              <Text as="p" variant="bodySm">
                {t("subscribers.condensedCounts", {
                  waiting: f.number(row.waiting),
                  pending: f.number(row.pending),
                  notified: f.number(row.notified),
                  available: f.number(row.available),
                })}
              </Text>
              <div>{viewButton(row, onOpen, t)}</div>
            </CondensedCell>
          </IndexTable.Row>
        ) : (
          <IndexTable.Row id={row.variantId} key={row.variantId} position={index}>
            <IndexTable.Cell>
              <VariantName productTitle={row.productTitle} variantTitle={row.variantTitle} sku={row.sku} />
            </IndexTable.Cell>
            <IndexTable.Cell>
              {numeric(
                f,
                row.available,
                row.available !== null && row.available < 0 ? "critical" : undefined,
              )}
            </IndexTable.Cell>
            <IndexTable.Cell>{numeric(f, row.waiting)}</IndexTable.Cell>
            <IndexTable.Cell>{numeric(f, row.pending)}</IndexTable.Cell>
            <IndexTable.Cell>{numeric(f, row.notified)}</IndexTable.Cell>
            <IndexTable.Cell>{f.dateTime(row.lastNotifiedAt)}</IndexTable.Cell>
            <IndexTable.Cell>{viewButton(row, onOpen, t)}</IndexTable.Cell>
          </IndexTable.Row>
        ),
      )}
    </IndexTable>
  );
}

import { BlockStack, Button, IndexTable, Text, useBreakpoints } from "@shopify/polaris";
import { VariantName } from "../../components/variant-name.tsx";
import { formatDateTime, formatNumber } from "../../format/format.ts";
import { STATUS_HELP, variantLabel, type DemandRow } from "./subscribers-contract.ts";

const numeric = (value: number | null, tone?: "critical") => (
  <Text as="span" alignment="end" numeric tone={tone}>
    {value === null ? "—" : formatNumber(value)}
  </Text>
);

const viewButton = (row: DemandRow, onOpen: (row: DemandRow) => void) => (
  <Button
    variant="plain"
    onClick={() => onOpen(row)}
    accessibilityLabel={`Subscribers of ${variantLabel(row)}`}
  >
    View subscribers
  </Button>
);

/**
 * Back-in-stock demand per variant; each count's heading says what the status means. On a phone
 * (condensed) a row is one cell: the variant, then its counts named in words.
 */
export function DemandTable({ rows, onOpen }: { rows: DemandRow[]; onOpen: (row: DemandRow) => void }) {
  const { smDown } = useBreakpoints();
  return (
    <IndexTable
      resourceName={{ singular: "variant", plural: "variants" }}
      itemCount={rows.length}
      selectable={false}
      condensed={smDown}
      headings={[
        { title: "Variant" },
        { title: "Available", alignment: "end" },
        { title: STATUS_HELP.ACTIVE!.label, alignment: "end", tooltipContent: STATUS_HELP.ACTIVE!.help },
        { title: STATUS_HELP.PENDING!.label, alignment: "end", tooltipContent: STATUS_HELP.PENDING!.help },
        { title: STATUS_HELP.NOTIFIED!.label, alignment: "end", tooltipContent: STATUS_HELP.NOTIFIED!.help },
        { title: "Last alert" },
        { title: "" },
      ]}
    >
      {rows.map((row, index) =>
        smDown ? (
          <IndexTable.Row id={row.variantId} key={row.variantId} position={index}>
            <div style={{ padding: "var(--p-space-300) var(--p-space-400)" }}>
              <BlockStack gap="100">
                <div>
                  <VariantName
                    productTitle={row.productTitle}
                    variantTitle={row.variantTitle}
                    sku={row.sku}
                  />
                </div>
                <Text as="p" variant="bodySm">
                  {[
                    `${formatNumber(row.waiting)} ${STATUS_HELP.ACTIVE!.label.toLowerCase()}`,
                    `${formatNumber(row.pending)} ${STATUS_HELP.PENDING!.label.toLowerCase()}`,
                    `${formatNumber(row.notified)} ${STATUS_HELP.NOTIFIED!.label.toLowerCase()}`,
                    `${formatNumber(row.available)} available`,
                  ].join(" · ")}
                </Text>
                <div>{viewButton(row, onOpen)}</div>
              </BlockStack>
            </div>
          </IndexTable.Row>
        ) : (
          <IndexTable.Row id={row.variantId} key={row.variantId} position={index}>
            <IndexTable.Cell>
              <VariantName productTitle={row.productTitle} variantTitle={row.variantTitle} sku={row.sku} />
            </IndexTable.Cell>
            <IndexTable.Cell>
              {numeric(row.available, row.available !== null && row.available < 0 ? "critical" : undefined)}
            </IndexTable.Cell>
            <IndexTable.Cell>{numeric(row.waiting)}</IndexTable.Cell>
            <IndexTable.Cell>{numeric(row.pending)}</IndexTable.Cell>
            <IndexTable.Cell>{numeric(row.notified)}</IndexTable.Cell>
            <IndexTable.Cell>{row.lastNotifiedAt ? formatDateTime(row.lastNotifiedAt) : "—"}</IndexTable.Cell>
            <IndexTable.Cell>{viewButton(row, onOpen)}</IndexTable.Cell>
          </IndexTable.Row>
        ),
      )}
    </IndexTable>
  );
}

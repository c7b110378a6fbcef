import { Button, Card, IndexTable, Text } from "@shopify/polaris";
import { shownVariantTitle } from "../../format/variant-label.ts";
import { formatNumber } from "../../format/format.ts";
import { variantLabel, type DemandRow } from "./subscribers-contract.ts";

const numeric = (value: number | null, tone?: "critical") => (
  <Text as="span" alignment="end" numeric tone={tone}>
    {value === null ? "—" : formatNumber(value)}
  </Text>
);

/** Back-in-stock demand per variant, most people waiting first. */
export function DemandTable({ rows, onOpen }: { rows: DemandRow[]; onOpen: (row: DemandRow) => void }) {
  return (
    <Card padding="0">
      <IndexTable
        resourceName={{ singular: "variant", plural: "variants" }}
        itemCount={rows.length}
        selectable={false}
        headings={[
          { title: "Variant" },
          { title: "Available", alignment: "end" },
          { title: "Active", alignment: "end" },
          { title: "Pending", alignment: "end" },
          { title: "Notified", alignment: "end" },
          { title: "" },
        ]}
      >
        {rows.map((row, index) => (
          <IndexTable.Row id={row.variantId} key={row.variantId} position={index}>
            <IndexTable.Cell>
              <Text as="span" fontWeight="semibold">
                {row.productTitle || "Untitled product"}
              </Text>
              {shownVariantTitle(row.variantTitle) ? (
                <Text as="span" tone="subdued">
                  {" "}
                  — {shownVariantTitle(row.variantTitle)}
                </Text>
              ) : null}
              {row.sku ? (
                <Text as="p" variant="bodySm" tone="subdued">
                  SKU {row.sku}
                </Text>
              ) : null}
            </IndexTable.Cell>
            <IndexTable.Cell>
              {numeric(row.available, row.available !== null && row.available < 0 ? "critical" : undefined)}
            </IndexTable.Cell>
            <IndexTable.Cell>{numeric(row.waiting)}</IndexTable.Cell>
            <IndexTable.Cell>{numeric(row.pending)}</IndexTable.Cell>
            <IndexTable.Cell>{numeric(row.notified)}</IndexTable.Cell>
            <IndexTable.Cell>
              <Button
                variant="plain"
                onClick={() => onOpen(row)}
                accessibilityLabel={`Subscribers of ${variantLabel(row)}`}
              >
                View subscribers
              </Button>
            </IndexTable.Cell>
          </IndexTable.Row>
        ))}
      </IndexTable>
    </Card>
  );
}

import { Badge, BlockStack, Button, IndexTable, InlineStack, Link, Text } from "@shopify/polaris";
import { shownVariantTitle } from "../../format/variant-label.ts";
import { appBridge } from "../../api/session-token.ts";
import { formatDate, formatDateTime, formatNumber } from "../../format/format.ts";
import {
  lineOverdue,
  orderAdminUrl,
  orderLabel,
  shownUnits,
  type BackorderRow,
} from "./backorders-contract.ts";

const STATUS_TONE: Record<string, "attention" | "success" | "info" | undefined> = {
  OPEN: "attention",
  READY: "success",
  FULFILLED: "info",
};

/** One backordered line; the order links to the Shopify admin. */
/** Links and buttons in a row act on their own; a click on them must not also select the row. */
const stop = (e: { stopPropagation: () => void }) => e.stopPropagation();

export function BackorderTableRow({
  row,
  index,
  shop,
  productFiltered,
  onOnlyProduct,
  onShowHistory,
  selected,
}: {
  selected: boolean;
  row: BackorderRow;
  index: number;
  shop: string | null;
  productFiltered: boolean;
  onOnlyProduct: (productId: string, title: string) => void;
  onShowHistory: (row: BackorderRow) => void;
}) {
  const shown = shownUnits(row);
  const overdue = lineOverdue(row);
  const product = row.productTitle || "Untitled product";
  return (
    <IndexTable.Row
      id={row.id}
      key={row.id}
      position={index}
      selected={selected}
      tone={overdue ? "critical" : undefined}
    >
      <IndexTable.Cell>
        <span onClick={stop}>
          <Link url={orderAdminUrl(shop, row.orderId, Boolean(appBridge()))} target="_blank" removeUnderline>
            {orderLabel(row)}
          </Link>
        </span>
      </IndexTable.Cell>
      <IndexTable.Cell>{row.customer ?? "—"}</IndexTable.Cell>
      <IndexTable.Cell>
        <InlineStack gap="100" blockAlign="center" wrap={false}>
          <Text as="span" fontWeight="semibold">
            {product}
          </Text>
          {shownVariantTitle(row.variantTitle) ? (
            <Text as="span" tone="subdued">
              — {shownVariantTitle(row.variantTitle)}
            </Text>
          ) : null}
          {row.productId && !productFiltered ? (
            <span onClick={stop}>
              <Button
                variant="plain"
                accessibilityLabel={`Show only ${product}`}
                onClick={() => row.productId && onOnlyProduct(row.productId, product)}
              >
                only this
              </Button>
            </span>
          ) : null}
        </InlineStack>
      </IndexTable.Cell>
      <IndexTable.Cell>
        <BlockStack gap="050" inlineAlign="end">
          <Text as="span" alignment="end" numeric>
            {formatNumber(shown.units)} of {formatNumber(shown.of)}
          </Text>
          <InlineStack gap="100" wrap={false}>
            <Text as="span" tone="subdued" variant="bodySm" numeric>
              first {formatNumber(row.initialBackorderedQuantity)} · peak{" "}
              {formatNumber(row.peakBackorderedQuantity)}
            </Text>
            <span onClick={stop}>
              <Button
                variant="plain"
                accessibilityLabel={`Unit history of ${orderLabel(row)} ${product}`}
                onClick={() => onShowHistory(row)}
              >
                history
              </Button>
            </span>
          </InlineStack>
        </BlockStack>
      </IndexTable.Cell>
      <IndexTable.Cell>{formatDateTime(row.placedAt)}</IndexTable.Cell>
      <IndexTable.Cell>
        <InlineStack gap="100">
          <span>{formatDate(row.etaCurrent)}</span>
          {overdue ? <Badge tone="critical">Overdue</Badge> : null}
        </InlineStack>
      </IndexTable.Cell>
      <IndexTable.Cell>
        <Badge tone={STATUS_TONE[row.status]}>{row.status.toLowerCase()}</Badge>
      </IndexTable.Cell>
    </IndexTable.Row>
  );
}

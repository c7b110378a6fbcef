import { Badge, Button, IndexTable, InlineStack, Link, Text } from "@shopify/polaris";
import { appBridge } from "../../api/session-token.ts";
import { formatDate, formatDateTime, formatNumber } from "../../format/format.ts";
import { orderAdminUrl, type BackorderRow } from "./backorders-contract.ts";

const STATUS_TONE: Record<string, "attention" | "success" | "info" | undefined> = {
  OPEN: "attention",
  READY: "success",
  FULFILLED: "info",
};

/** One backordered line; the order links to the Shopify admin. */
export function BackorderTableRow({
  row,
  index,
  shop,
  productFiltered,
  onOnlyProduct,
}: {
  row: BackorderRow;
  index: number;
  shop: string | null;
  productFiltered: boolean;
  onOnlyProduct: (productId: string, title: string) => void;
}) {
  return (
    <IndexTable.Row id={row.id} key={row.id} position={index} tone={row.overdue ? "critical" : undefined}>
      <IndexTable.Cell>
        <Link url={orderAdminUrl(shop, row.orderId, Boolean(appBridge()))} target="_blank" removeUnderline>
          {row.orderName}
        </Link>
      </IndexTable.Cell>
      <IndexTable.Cell>{row.customer ?? "—"}</IndexTable.Cell>
      <IndexTable.Cell>
        <InlineStack gap="100" blockAlign="center" wrap={false}>
          <Text as="span" fontWeight="semibold">
            {row.productTitle || "Untitled product"}
          </Text>
          {row.variantTitle ? (
            <Text as="span" tone="subdued">
              — {row.variantTitle}
            </Text>
          ) : null}
          {row.productId && !productFiltered ? (
            <Button
              variant="plain"
              accessibilityLabel={`Show only ${row.productTitle}`}
              onClick={() => row.productId && onOnlyProduct(row.productId, row.productTitle)}
            >
              only this
            </Button>
          ) : null}
        </InlineStack>
      </IndexTable.Cell>
      <IndexTable.Cell>
        <Text as="span" alignment="end" numeric>
          {formatNumber(row.backorderedQuantity)} of {formatNumber(row.quantity)}
        </Text>
      </IndexTable.Cell>
      <IndexTable.Cell>{formatDateTime(row.placedAt)}</IndexTable.Cell>
      <IndexTable.Cell>
        <InlineStack gap="100">
          <span>{formatDate(row.eta)}</span>
          {row.overdue ? <Badge tone="critical">Overdue</Badge> : null}
        </InlineStack>
      </IndexTable.Cell>
      <IndexTable.Cell>
        <Badge tone={STATUS_TONE[row.status]}>{row.status.toLowerCase()}</Badge>
      </IndexTable.Cell>
    </IndexTable.Row>
  );
}

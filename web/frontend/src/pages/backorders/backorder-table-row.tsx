import { useTranslation } from "react-i18next";
import { Badge, BlockStack, Button, IndexTable, InlineStack, Link, Text } from "@shopify/polaris";
import { shownVariantTitle } from "../../format/variant-label.ts";
import { appBridge } from "../../api/session-token.ts";
import { useFormats } from "../../format/use-formats.tsx";
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
const STATUS_LABEL = {
  OPEN: "backorders.status.OPEN",
  READY: "backorders.status.READY",
  FULFILLED: "backorders.status.FULFILLED",
  CANCELLED: "backorders.status.CANCELLED",
} as const;
const statusLabelKey = (status: string) =>
  Object.hasOwn(STATUS_LABEL, status) ? STATUS_LABEL[status as keyof typeof STATUS_LABEL] : null;

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
  const { t } = useTranslation();
  const f = useFormats();
  const shown = shownUnits(row);
  const overdue = lineOverdue(row);
  const product = row.productTitle || t("common.untitledProduct");
  const statusKey = statusLabelKey(row.status);
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
                accessibilityLabel={t("backorders.showOnly", { product })}
                onClick={() => row.productId && onOnlyProduct(row.productId, product)}
              >
                {t("backorders.onlyThis")}
              </Button>
            </span>
          ) : null}
        </InlineStack>
      </IndexTable.Cell>
      <IndexTable.Cell>
        <BlockStack gap="050" inlineAlign="end">
          <Text as="span" alignment="end" numeric>
            {t("backorders.unitsOf", { units: f.number(shown.units), of: f.number(shown.of) })}
          </Text>
          <InlineStack gap="100" wrap={false}>
            <Text as="span" tone="subdued" variant="bodySm" numeric>
              {t("backorders.firstPeak", {
                first: f.number(row.initialBackorderedQuantity),
                peak: f.number(row.peakBackorderedQuantity),
              })}
            </Text>
            <span onClick={stop}>
              <Button
                variant="plain"
                accessibilityLabel={t("backorders.unitHistoryOf", { order: orderLabel(row), product })}
                onClick={() => onShowHistory(row)}
              >
                {t("backorders.history")}
              </Button>
            </span>
          </InlineStack>
        </BlockStack>
      </IndexTable.Cell>
      <IndexTable.Cell>{f.dateTime(row.placedAt)}</IndexTable.Cell>
      <IndexTable.Cell>
        <InlineStack gap="100">
          <span>{f.date(row.etaCurrent)}</span>
          {overdue ? <Badge tone="critical">{t("backorders.overdue")}</Badge> : null}
        </InlineStack>
      </IndexTable.Cell>
      <IndexTable.Cell>
        <Badge tone={STATUS_TONE[row.status]}>{statusKey ? t(statusKey) : row.status}</Badge>
      </IndexTable.Cell>
    </IndexTable.Row>
  );
}

import { useTranslation } from "react-i18next";
import { Badge, BlockStack, Button, IndexTable, InlineStack, Link, Text } from "@shopify/polaris";
import { shownVariantTitle } from "../../format/variant-label.ts";
import { appBridge } from "../../api/session-token.ts";
import { useFormats } from "../../format/use-formats.tsx";
import { CondensedCell } from "../../components/condensed-cell.tsx";
import {
  lineOverdue,
  orderAdminUrl,
  orderLabel,
  shownUnits,
  type BackorderRow,
} from "./backorders-contract.ts";
import { labelKey } from "../../i18n/label-key.ts";

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
const statusLabelKey = (status: string) => labelKey(STATUS_LABEL, status);

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
  condensed,
}: {
  selected: boolean;
  /** On a phone: one stacked cell instead of seven columns. */
  condensed: boolean;
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
  const rowProps = {
    id: row.id,
    position: index,
    selected,
    tone: overdue ? ("critical" as const) : undefined,
  };
  const order = (
    <span onClick={stop}>
      <Link url={orderAdminUrl(shop, row.orderId, Boolean(appBridge()))} target="_blank" removeUnderline>
        {orderLabel(row)}
      </Link>
    </span>
  );
  const variant = (
    <InlineStack gap="100" blockAlign="center" wrap={condensed}>
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
  );
  const units = (
    <Text as="span" alignment="end" numeric>
      {t("backorders.unitsOf", { units: f.number(shown.units), of: f.number(shown.of) })}
    </Text>
  );
  const history = (
    <InlineStack gap="100" wrap={condensed}>
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
  );
  const eta = (
    <InlineStack gap="100" wrap={condensed}>
      <span>{f.date(row.etaCurrent)}</span>
      {overdue ? <Badge tone="critical">{t("backorders.overdue")}</Badge> : null}
    </InlineStack>
  );
  const status = <Badge tone={STATUS_TONE[row.status]}>{statusKey ? t(statusKey) : row.status}</Badge>;
  if (condensed) {
    // On a phone: the order, its customer and status; the variant; the units; when placed and the ETA.
    return (
      <IndexTable.Row {...rowProps}>
        <CondensedCell>
          <InlineStack gap="200" blockAlign="center" wrap>
            {order}
            <Text as="span" breakWord>
              {row.customer ?? "—"}
            </Text>
            {status}
          </InlineStack>
          {variant}
          <InlineStack gap="200" blockAlign="center" wrap>
            {units}
            {history}
          </InlineStack>
          <InlineStack gap="200" blockAlign="center" wrap>
            <Text as="span" tone="subdued">
              {f.dateTime(row.placedAt)}
            </Text>
            <Text as="span" tone="subdued">
              {t("common.labelled", { label: t("etas.eta") })}
            </Text>
            {eta}
          </InlineStack>
        </CondensedCell>
      </IndexTable.Row>
    );
  }
  return (
    <IndexTable.Row {...rowProps}>
      <IndexTable.Cell>{order}</IndexTable.Cell>
      <IndexTable.Cell>{row.customer ?? "—"}</IndexTable.Cell>
      <IndexTable.Cell>{variant}</IndexTable.Cell>
      <IndexTable.Cell>
        <BlockStack gap="050" inlineAlign="end">
          {units}
          {history}
        </BlockStack>
      </IndexTable.Cell>
      <IndexTable.Cell>{f.dateTime(row.placedAt)}</IndexTable.Cell>
      <IndexTable.Cell>{eta}</IndexTable.Cell>
      <IndexTable.Cell>{status}</IndexTable.Cell>
    </IndexTable.Row>
  );
}

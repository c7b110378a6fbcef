import { useTranslation } from "react-i18next";
import { Badge, Button, IndexTable, InlineStack, Text } from "@shopify/polaris";
import { VariantName } from "../../components/variant-name.tsx";
import { variantLabel } from "../../format/variant-label.ts";
import { useFormats } from "../../format/use-formats.tsx";
import type { EtaRowView } from "./etas-contract.ts";
import { CondensedCell } from "../../components/condensed-cell.tsx";
import { labelKey } from "../../i18n/label-key.ts";

// Where an ETA without a date of its own comes from.
const SOURCE_LABEL = { product: "etas.source.product", shop: "etas.source.shop" } as const;
const sourceLabelKey = (source: string) => labelKey(SOURCE_LABEL, source);

/**
 * One variant of the ETA list: six columns, or (condensed, on a phone) one cell with the variant,
 * then its stock and policy, then its ETA and the Edit button, then its message.
 */
export function EtaTableRow({
  row,
  index,
  selected,
  condensed,
  onEdit,
}: {
  row: EtaRowView;
  index: number;
  selected: boolean;
  condensed: boolean;
  onEdit: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormats();
  const available = (
    <Text as="span" alignment="end" numeric tone={row.available < 0 ? "critical" : undefined}>
      {row.tracked ? f.number(row.available) : t("etas.notTracked")}
    </Text>
  );
  const policy =
    row.inventoryPolicy === "CONTINUE" ? (
      <Badge tone="info">{t("etas.continueSelling")}</Badge>
    ) : (
      <Badge>{t("etas.stopSelling")}</Badge>
    );
  const source = row.eta ? sourceLabelKey(row.etaSource) : null;
  const eta = (
    <InlineStack gap="100" blockAlign="center" wrap>
      <span>{f.date(row.eta)}</span>
      {row.overdue ? <Badge tone="critical">{t("backorders.overdue")}</Badge> : null}
      {source ? (
        <Text as="span" variant="bodySm" tone="subdued">
          ({t(source)})
        </Text>
      ) : null}
    </InlineStack>
  );
  const edit = (
    // A click on Edit opens the variant; it must not also select the row.
    <span onClick={(e) => e.stopPropagation()}>
      <Button
        variant="plain"
        onClick={onEdit}
        accessibilityLabel={t("etas.editLabel", { variant: variantLabel(row, t("common.untitledProduct")) })}
      >
        {t("etas.edit")}
      </Button>
    </span>
  );
  const rowProps = {
    id: row.variantId,
    position: index,
    selected,
    tone: row.overdue ? ("critical" as const) : undefined,
  };
  if (condensed) {
    return (
      <IndexTable.Row {...rowProps}>
        <CondensedCell>
          <VariantName productTitle={row.productTitle} variantTitle={row.variantTitle} sku={row.sku} />
          <InlineStack gap="200" blockAlign="center" wrap>
            <Text as="span" tone="subdued">
              {t("common.labelled", { label: t("subscribers.available") })}
            </Text>
            {available}
            {policy}
          </InlineStack>
          <InlineStack gap="200" blockAlign="center" align="space-between" wrap={false}>
            <InlineStack gap="100" blockAlign="center" wrap>
              <Text as="span" tone="subdued">
                {t("common.labelled", { label: t("etas.eta") })}
              </Text>
              {eta}
            </InlineStack>
            {edit}
          </InlineStack>
          {row.message ? (
            <Text as="p" tone="subdued" breakWord>
              {row.message}
            </Text>
          ) : null}
        </CondensedCell>
      </IndexTable.Row>
    );
  }
  return (
    <IndexTable.Row {...rowProps}>
      <IndexTable.Cell>
        <VariantName productTitle={row.productTitle} variantTitle={row.variantTitle} sku={row.sku} />
      </IndexTable.Cell>
      <IndexTable.Cell>{available}</IndexTable.Cell>
      <IndexTable.Cell>{policy}</IndexTable.Cell>
      <IndexTable.Cell>{eta}</IndexTable.Cell>
      <IndexTable.Cell>{row.message ?? "—"}</IndexTable.Cell>
      <IndexTable.Cell>{edit}</IndexTable.Cell>
    </IndexTable.Row>
  );
}

import { useTranslation } from "react-i18next";
import { Text } from "@shopify/polaris";
import { shownVariantTitle } from "../format/variant-label.ts";

/** A variant in a table cell: its product, its own title unless "Default Title", and its SKU. */
export function VariantName(props: {
  productTitle: string | null;
  variantTitle: string | null;
  sku: string | null;
}) {
  const { t } = useTranslation();
  const variant = shownVariantTitle(props.variantTitle);
  return (
    <>
      <Text as="span" fontWeight="semibold">
        {props.productTitle || t("common.untitledProduct")}
      </Text>
      {variant ? (
        <Text as="span" tone="subdued">
          {" "}
          — {variant}
        </Text>
      ) : null}
      {props.sku ? (
        <Text as="p" variant="bodySm" tone="subdued">
          {t("common.skuValue", { sku: props.sku })}
        </Text>
      ) : null}
    </>
  );
}

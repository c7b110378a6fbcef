import { Text } from "@shopify/polaris";
import { shownVariantTitle } from "../format/variant-label.ts";

/** A variant in a table cell: its product, its own title unless "Default Title", and its SKU. */
export function VariantName(props: {
  productTitle: string | null;
  variantTitle: string | null;
  sku: string | null;
}) {
  const variant = shownVariantTitle(props.variantTitle);
  return (
    <>
      <Text as="span" fontWeight="semibold">
        {props.productTitle || "Untitled product"}
      </Text>
      {variant ? (
        <Text as="span" tone="subdued">
          {" "}
          — {variant}
        </Text>
      ) : null}
      {props.sku ? (
        <Text as="p" variant="bodySm" tone="subdued">
          SKU {props.sku}
        </Text>
      ) : null}
    </>
  );
}

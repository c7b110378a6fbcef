import { useTranslation } from "react-i18next";
import { BlockStack, Button, InlineError, InlineStack, Tag, Text } from "@shopify/polaris";
import { useMemo, useState } from "react";
import { useApi } from "../../api/use-api.ts";
import { shopifyUi } from "../../app-bridge/shopify-ui.ts";
import type { ProductsResponse } from "../../../../contract/api-responses.ts";
import { TextSetting, type Fields } from "./settings-fields.tsx";

const MAX_ALTERNATIVES = 20;
const PRODUCT_GID = "gid://shopify/Product/";

const idsOf = (text: string) =>
  text
    .split(",")
    .map((id) => id.trim())
    .filter(Boolean);

/**
 * The products emails suggest instead of a backordered one, chosen with Shopify's resource picker
 * (by name, as elsewhere in the admin). Without App Bridge, the ids are typed.
 */
export function AlternativesPicker({ fields, disabled }: { fields: Fields; disabled: boolean }) {
  const { t } = useTranslation();
  const ui = shopifyUi();
  const ids = idsOf(fields.form.alternativeProductIds);
  const known = useApi<ProductsResponse>(ui && ids.length > 0 ? `/products?ids=${ids.join(",")}` : null);
  // Titles the picker just returned, before the product list above reloads.
  const [picked, setPicked] = useState<Record<string, string>>({});
  const titles = useMemo(
    () => ({ ...Object.fromEntries((known.data?.products ?? []).map((p) => [p.id, p.title])), ...picked }),
    [known.data, picked],
  );
  const error = fields.error("alternativeProductIds");

  if (!ui) {
    return (
      <TextSetting
        fields={fields}
        name="alternativeProductIds"
        label={t("settings.alternativeProductIds")}
        type="text"
        help={t("settings.alternativeIdsHelp", { max: MAX_ALTERNATIVES })}
        disabled={disabled}
      />
    );
  }

  const setIds = (next: string[]) => fields.set("alternativeProductIds")(next.join(", "));
  const choose = async () => {
    const selection = await ui.resourcePicker({
      type: "product",
      action: "select",
      multiple: MAX_ALTERNATIVES,
      selectionIds: ids.map((id) => ({ id: `${PRODUCT_GID}${id}` })),
    });
    if (!selection) return; // cancelled: nothing changes
    const chosen = selection.map((p) => ({ id: p.id.replace(PRODUCT_GID, ""), title: p.title }));
    setPicked((was) => ({ ...was, ...Object.fromEntries(chosen.map((p) => [p.id, p.title])) }));
    setIds(chosen.map((p) => p.id));
  };

  return (
    <BlockStack gap="200">
      <Text as="p" variant="bodyMd">
        {t("settings.alternativeProducts")}
      </Text>
      {ids.length === 0 ? (
        <Text as="p" tone="subdued">
          {t("settings.noAlternatives")}
        </Text>
      ) : (
        <InlineStack gap="200" wrap>
          {ids.map((id) => (
            <Tag
              key={id}
              disabled={disabled}
              onRemove={() => setIds(ids.filter((other) => other !== id))}
              accessibilityLabel={t("settings.removeProduct", {
                title: titles[id] ?? t("settings.productId", { id }),
              })}
            >
              {titles[id] ?? (known.loading ? "…" : t("settings.productNotInCatalog", { id }))}
            </Tag>
          ))}
        </InlineStack>
      )}
      <InlineStack>
        <Button onClick={() => void choose()} disabled={disabled}>
          {ids.length === 0 ? t("settings.chooseProducts") : t("settings.changeProducts")}
        </Button>
      </InlineStack>
      <Text as="p" tone="subdued">
        {t("settings.alternativesLimit", { max: MAX_ALTERNATIVES })}
      </Text>
      {error ? <InlineError message={error} fieldID="alternativeProductIds" /> : null}
    </BlockStack>
  );
}

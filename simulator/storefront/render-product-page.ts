import { createPageRenderer } from "./render-app-block.ts";
import type { StorefrontPageInput } from "./render-app-block.ts";
import { toLiquidProduct } from "./to-liquid-product.ts";
import type { StorefrontProduct } from "./to-liquid-product.ts";

export type { StorefrontProduct, StorefrontVariant } from "./to-liquid-product.ts";

export interface RenderProductPageInput extends StorefrontPageInput {
  product: StorefrontProduct;
  /** As from `?variant=`; otherwise the first available variant is shown, as on Shopify. */
  selectedVariantId?: string;
}

/**
 * A minimal Dawn-like product page with the app's two real theme blocks rendered from the
 * extension's files, so the simulator shows exactly what a shop would.
 */
export async function renderProductPage(input: RenderProductPageInput): Promise<string> {
  const page = await createPageRenderer(input);
  const product = toLiquidProduct(input.product, input.selectedVariantId);
  const eta = await page.renderBlock("backorder-eta", { product });
  const notify = await page.renderBlock("notify-me", { product });
  return page.renderPage("./product-page.liquid", {
    product,
    current: product.selected_or_first_available_variant,
    blocks_before_form: eta.html,
    blocks_after_form: notify.html,
    ...page.assetsOf([eta.schema, notify.schema]),
    page_variants: Object.fromEntries(
      product.variants.map((v) => [
        v.id,
        { price: `$${(v.price / 100).toFixed(2)}`, available: v.available },
      ]),
    ),
  });
}

import type { CartLine } from "./cart-lines.ts";
import { lineKey } from "./cart-lines.ts";
import { createPageRenderer } from "./render-app-block.ts";
import type { StorefrontPageInput } from "./render-app-block.ts";
import { toLiquidProduct } from "./to-liquid-product.ts";
import type { StorefrontProduct } from "./to-liquid-product.ts";

export interface CartPageItem {
  line: CartLine;
  /** The line's product as the storefront shows it (with its `$app` metafields). */
  product: StorefrontProduct;
}

export interface RenderCartPageInput extends StorefrontPageInput {
  items: CartPageItem[];
}

/** A Dawn-like cart page with the app's cart block in its footer section, where themes take `@app` blocks. */
export async function renderCartPage(input: RenderCartPageInput): Promise<string> {
  const page = await createPageRenderer(input);
  const items = input.items.flatMap(toLiquidLineItem);
  const cart = {
    items,
    item_count: items.reduce((sum, item) => sum + item.quantity, 0),
    total_price: items.reduce((sum, item) => sum + item.final_line_price, 0),
  };
  const block = await page.renderBlock("backorder-cart", { cart });
  return page.renderPage("./cart-page.liquid", {
    cart,
    app_blocks: block.html,
    ...page.assetsOf([block.schema]),
  });
}

/** Shapes a cart line like Liquid's `line_item`; a line whose variant is gone is left out. */
function toLiquidLineItem({ line, product }: CartPageItem) {
  const liquidProduct = toLiquidProduct(product, line.variantId);
  const variant = liquidProduct.variants.find((v) => v.id === line.variantId);
  if (!variant) return [];
  return [
    {
      key: lineKey(line),
      quantity: line.quantity,
      variant,
      product: { title: product.title, handle: product.handle },
      title: `${product.title} - ${variant.title}`,
      url: `/products/${encodeURIComponent(product.handle)}?variant=${variant.id}`,
      properties: Object.fromEntries(line.properties),
      final_price: variant.price,
      final_line_price: variant.price * line.quantity,
    },
  ];
}

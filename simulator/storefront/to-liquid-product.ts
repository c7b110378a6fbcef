export interface StorefrontVariant {
  /** The 64-bit Shopify id as a decimal string. */
  id: string;
  title: string;
  /** Decimal amount as the Admin API gives it ("19.99"). */
  price: string | number;
  /** Whether a shopper can buy it now (in stock, or oversellable with policy CONTINUE). */
  available: boolean;
  inventoryQuantity: number;
  inventoryPolicy: "DENY" | "CONTINUE" | "deny" | "continue";
  /** Inventory tracked by Shopify; untracked variants show no ETA. Defaults to true. */
  tracked?: boolean;
  /** App-owned (`$app`) metafields the app writes. */
  metafields: { eta?: string; message?: string; backordered?: boolean };
}

export interface StorefrontProduct {
  id: string;
  title: string;
  handle: string;
  imageUrl?: string;
  variants: StorefrontVariant[];
}

export type LiquidVariant = ReturnType<typeof toLiquidVariant>;

/** Shapes the simulator's data like Shopify's Liquid `product` and `variant` objects. */
export function toLiquidProduct(product: StorefrontProduct, selectedVariantId?: string) {
  const variants = product.variants.map(toLiquidVariant);
  const selected = variants.find((v) => v.id === selectedVariantId);
  return {
    id: product.id,
    title: product.title,
    handle: product.handle,
    featured_image: product.imageUrl ?? null,
    variants,
    selected_variant: selected ?? null,
    selected_or_first_available_variant: selected ?? variants.find((v) => v.available) ?? variants[0] ?? null,
  };
}

function toLiquidVariant(variant: StorefrontVariant) {
  const { eta, message, backordered } = variant.metafields;
  // Liquid exposes a metafield as an object whose `.value` is typed; absent metafields are nil.
  const app: Record<string, { type: string; value: unknown }> = {};
  if (eta !== undefined) app.eta = { type: "date", value: eta };
  if (message !== undefined) app.message = { type: "single_line_text_field", value: message };
  if (backordered !== undefined) app.backordered = { type: "boolean", value: backordered };
  return {
    id: variant.id,
    title: variant.title,
    price: Math.round(Number(variant.price) * 100),
    available: variant.available,
    inventory_quantity: variant.inventoryQuantity,
    inventory_policy: variant.inventoryPolicy.toLowerCase(),
    inventory_management: variant.tracked === false ? null : "shopify",
    metafields: { $app: app },
  };
}

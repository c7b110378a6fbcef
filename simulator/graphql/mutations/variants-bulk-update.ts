import { parseGid } from "../../gid.ts";
import { emitProductUpdate } from "../../actions/update-product.ts";
import { findProduct } from "../../store/lookups.ts";
import type { InventoryPolicy } from "../../store/store-types.ts";
import type { GqlContext } from "../gql-context.ts";
import { productView, variantView } from "../views/product-views.ts";

interface VariantInput {
  id?: string | null;
  inventoryPolicy?: InventoryPolicy | null;
  price?: string | null;
  compareAtPrice?: string | null;
  barcode?: string | null;
  inventoryItem?: { sku?: string | null; tracked?: boolean | null } | null;
}

/** Updates variants of one product (inventoryPolicy, price, sku, tracked); sends products/update. */
export function productVariantsBulkUpdate(
  ctx: GqlContext,
  args: { productId: string; variants: VariantInput[] },
) {
  const { store } = ctx.core;
  const parsed = parseGid(args.productId);
  const product = parsed?.type === "Product" ? findProduct(store, ctx.shop.domain, parsed.id) : undefined;
  if (!product) {
    return {
      product: null,
      productVariants: null,
      userErrors: [
        { field: ["productId"], message: "Product does not exist", code: "PRODUCT_DOES_NOT_EXIST" },
      ],
    };
  }
  const userErrors: Array<{ field: string[]; message: string; code: string }> = [];
  const targets = args.variants.map((input, index) => {
    const id = input.id ? parseGid(input.id)?.id : undefined;
    if (id === undefined) {
      userErrors.push({
        field: ["variants", String(index), "id"],
        message: "Product variant is missing ID attribute",
        code: "PRODUCT_VARIANT_ID_MISSING",
      });
      return null;
    }
    const variant = store.variants.get(id);
    if (!variant || variant.productId !== product.id) {
      userErrors.push({
        field: ["variants", String(index), "id"],
        message: "Product variant does not exist",
        code: "PRODUCT_VARIANT_DOES_NOT_EXIST",
      });
      return null;
    }
    return { input, variant };
  });
  if (userErrors.length > 0) return { product: productView(ctx, product), productVariants: null, userErrors };
  const now = ctx.core.now();
  const updated = targets.map((target) => {
    const { input, variant } = target!;
    if (input.inventoryPolicy) variant.inventoryPolicy = input.inventoryPolicy;
    if (input.price) variant.price = input.price;
    if (input.compareAtPrice !== undefined) variant.compareAtPrice = input.compareAtPrice;
    if (input.inventoryItem?.sku !== undefined) variant.sku = input.inventoryItem.sku;
    if (input.inventoryItem?.tracked != null) {
      const item = store.inventoryItems.get(variant.inventoryItemId)!;
      item.tracked = input.inventoryItem.tracked;
      item.updatedAt = now;
    }
    variant.updatedAt = now;
    return variant;
  });
  product.updatedAt = now;
  emitProductUpdate(ctx.core, product);
  return {
    product: productView(ctx, product),
    productVariants: updated.map((v) => variantView(ctx, v)),
    userErrors: [],
  };
}

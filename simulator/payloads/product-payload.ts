import { gid } from "../gid.ts";
import type { SimCore } from "../sim-core.ts";
import { payloadTime } from "../sim-core.ts";
import { variantAvailable } from "../store/lookups.ts";
import type { SimProduct } from "../store/store-types.ts";
import { absoluteImageUrl } from "../images/product-image-url.ts";
import { PRODUCT_IMAGE_SIZE } from "../images/render-product-image.ts";

export function productPayload(core: SimCore, product: SimProduct): Record<string, unknown> {
  const tz = core.store.shops.get(product.shopDomain)?.ianaTimezone ?? "UTC";
  const variants = product.variantIds.map((id) => core.store.variants.get(id)!);
  const src = absoluteImageUrl(product.imageUrl, core.origin());
  const image = src
    ? {
        product_id: product.id,
        position: 1,
        alt: product.title,
        width: PRODUCT_IMAGE_SIZE,
        height: PRODUCT_IMAGE_SIZE,
        src,
        variant_ids: [],
      }
    : null;
  return {
    admin_graphql_api_id: gid("Product", product.id),
    body_html: "",
    created_at: payloadTime(product.createdAt, tz),
    handle: product.handle,
    id: product.id,
    product_type: product.productType,
    published_at: payloadTime(product.createdAt, tz),
    template_suffix: null,
    title: product.title,
    updated_at: payloadTime(product.updatedAt, tz),
    vendor: product.vendor,
    status: product.status.toLowerCase(),
    published_scope: "web",
    tags: product.tags.join(", "),
    variants: variants.map((variant) => {
      const quantity = variantAvailable(core.store, variant);
      return {
        admin_graphql_api_id: gid("ProductVariant", variant.id),
        barcode: null,
        compare_at_price: variant.compareAtPrice,
        created_at: payloadTime(variant.createdAt, tz),
        id: variant.id,
        inventory_policy: variant.inventoryPolicy.toLowerCase(),
        position: variant.position,
        price: variant.price,
        product_id: product.id,
        sku: variant.sku,
        taxable: true,
        title: variant.title,
        updated_at: payloadTime(variant.updatedAt, tz),
        option1: variant.title,
        option2: null,
        option3: null,
        image_id: null,
        inventory_item_id: variant.inventoryItemId,
        inventory_quantity: quantity,
        old_inventory_quantity: quantity,
      };
    }),
    options: [],
    images: image ? [image] : [],
    image,
    media: [],
    variant_gids: variants.map((variant) => ({
      admin_graphql_api_id: gid("ProductVariant", variant.id),
      updated_at: variant.updatedAt.toISOString(),
    })),
    has_variants_that_requires_components: false,
    category: null,
  };
}

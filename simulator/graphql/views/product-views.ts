import { gid } from "../../gid.ts";
import { isoSeconds } from "../../sim-core.ts";
import { variantAvailable } from "../../store/lookups.ts";
import type { SimProduct, SimVariant } from "../../store/store-types.ts";
import { connection, type ConnectionArgs } from "../connection.ts";
import type { GqlContext } from "../gql-context.ts";
import { inventoryItemView } from "./inventory-views.ts";
import { metafieldFields } from "./metafield-view.ts";
import { absoluteImageUrl } from "../../images/product-image-url.ts";
import { PRODUCT_IMAGE_SIZE } from "../../images/render-product-image.ts";

export function productView(ctx: GqlContext, product: SimProduct) {
  const { store } = ctx.core;
  const id = gid("Product", product.id);
  const variants = () => product.variantIds.map((v) => store.variants.get(v)!);
  return {
    __typename: "Product",
    id,
    legacyResourceId: product.id.toString(),
    title: product.title,
    handle: product.handle,
    vendor: product.vendor,
    productType: product.productType,
    status: product.status,
    tags: product.tags,
    createdAt: isoSeconds(product.createdAt),
    updatedAt: isoSeconds(product.updatedAt),
    publishedAt: isoSeconds(product.createdAt),
    onlineStoreUrl: `https://${product.shopDomain}/products/${product.handle}`,
    hasOnlyDefaultVariant: product.variantIds.length === 1,
    totalInventory: () => variants().reduce((sum, v) => sum + variantAvailable(store, v), 0),
    tracksInventory: () => variants().some((v) => store.inventoryItems.get(v.inventoryItemId)?.tracked),
    hasOutOfStockVariants: () => variants().some((v) => variantAvailable(store, v) <= 0),
    featuredImage: () => imageView(ctx, product),
    featuredMedia: () => mediaImageView(ctx, product),
    images: (args: ConnectionArgs) =>
      connection(
        imageView(ctx, product) ? [product] : [],
        args,
        (p) => p.id.toString(),
        (p) => imageView(ctx, p),
        ctx.bulk,
      ),
    media: (args: ConnectionArgs) =>
      connection(
        imageView(ctx, product) ? [product] : [],
        args,
        (p) => p.id.toString(),
        (p) => mediaImageView(ctx, p),
        ctx.bulk,
      ),
    variants: (args: ConnectionArgs) =>
      connection(
        variants(),
        args,
        (v) => v.id.toString(),
        (v) => variantView(ctx, v),
        ctx.bulk,
      ),
    variantsCount: () => ({ count: product.variantIds.length, precision: "EXACT" }),
    ...metafieldFields(ctx, id),
  };
}

// One photo per product in the simulator: its Image (and MediaImage) ids reuse the product's number.
function imageView(ctx: GqlContext, product: SimProduct) {
  const url = absoluteImageUrl(product.imageUrl, ctx.core.origin());
  if (!url) return null;
  return {
    __typename: "Image",
    id: gid("ProductImage", product.id),
    url: url,
    src: url,
    originalSrc: url,
    transformedSrc: url,
    altText: product.title,
    width: PRODUCT_IMAGE_SIZE,
    height: PRODUCT_IMAGE_SIZE,
  };
}

function mediaImageView(ctx: GqlContext, product: SimProduct) {
  const image = imageView(ctx, product);
  if (!image) return null;
  return {
    __typename: "MediaImage",
    id: gid("MediaImage", product.id),
    alt: product.title,
    mediaContentType: "IMAGE",
    status: "READY",
    image,
    preview: { image, status: "READY" },
  };
}

export function variantView(ctx: GqlContext, variant: SimVariant) {
  const { store } = ctx.core;
  const id = gid("ProductVariant", variant.id);
  const product = store.products.get(variant.productId)!;
  const item = store.inventoryItems.get(variant.inventoryItemId)!;
  const available = () => variantAvailable(store, variant);
  return {
    __typename: "ProductVariant",
    id,
    legacyResourceId: variant.id.toString(),
    title: variant.title,
    displayName: `${product.title} - ${variant.title}`,
    sku: variant.sku,
    price: variant.price,
    compareAtPrice: variant.compareAtPrice,
    position: variant.position,
    taxable: true,
    barcode: null,
    inventoryPolicy: variant.inventoryPolicy,
    inventoryQuantity: available,
    sellableOnlineQuantity: () => (item.tracked ? Math.max(0, available()) : 0),
    availableForSale: () => !item.tracked || variant.inventoryPolicy === "CONTINUE" || available() > 0,
    selectedOptions: [{ name: "Title", value: variant.title }],
    createdAt: isoSeconds(variant.createdAt),
    updatedAt: isoSeconds(variant.updatedAt),
    product: () => productView(ctx, product),
    inventoryItem: () => inventoryItemView(ctx, item),
    ...metafieldFields(ctx, id),
  };
}

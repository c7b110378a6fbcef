import { z } from "zod";

/** A variant as the Admin API describes it now: what the app caches about it. */
export type VariantState = {
  variantId: bigint;
  productId: bigint;
  productTitle: string;
  productHandle: string | null;
  /** The product's photo (featured media); undefined when the query did not ask for it. */
  productImageUrl?: string | null;
  title: string;
  sku: string | null;
  price: string | null;
  inventoryPolicy: "DENY" | "CONTINUE";
  inventoryItemId: bigint | null;
  tracked: boolean;
  levels: { locationId: bigint; available: number; updatedAt: Date }[];
};

const GID = /^gid:\/\/shopify\/(\w+)\/(\d+)(\?.*)?$/;

export function gidToId(gid: string, type?: string): bigint {
  const match = GID.exec(gid);
  if (!match || (type && match[1] !== type)) throw new Error(`not a ${type ?? "Shopify"} GID: ${gid}`);
  return BigInt(match[2]!);
}

export function toGid(type: string, id: bigint): string {
  return `gid://shopify/${type}/${id}`;
}

export const levelNodeSchema = z.object({
  location: z.object({ id: z.string() }),
  updatedAt: z.string().nullish(),
  quantities: z.array(z.object({ name: z.string(), quantity: z.number().int() })),
});

export const variantNodeSchema = z.object({
  id: z.string(),
  title: z.string(),
  sku: z.string().nullish(),
  price: z.string().nullish(),
  inventoryPolicy: z.enum(["DENY", "CONTINUE"]),
  product: z.object({
    id: z.string(),
    title: z.string(),
    handle: z.string().nullish(),
    // Asked for by the initial sync only: `featuredMedia { preview { image { url } } }`.
    featuredMedia: z
      .object({ preview: z.object({ image: z.object({ url: z.string() }).nullish() }).nullish() })
      .nullish(),
  }),
});

export type LevelNode = z.infer<typeof levelNodeSchema>;
export type VariantNode = z.infer<typeof variantNodeSchema>;

/** Builds the state from the GraphQL shapes shared by the lookup queries and the bulk sync. */
export function toVariantState(
  variant: VariantNode,
  item: { id: string; tracked: boolean } | null,
  levels: readonly LevelNode[],
  readAt: Date,
): VariantState {
  return {
    variantId: gidToId(variant.id, "ProductVariant"),
    productId: gidToId(variant.product.id, "Product"),
    productTitle: variant.product.title,
    productHandle: variant.product.handle ?? null,
    ...(variant.product.featuredMedia === undefined
      ? {}
      : { productImageUrl: variant.product.featuredMedia?.preview?.image?.url ?? null }),
    title: variant.title,
    sku: variant.sku ?? null,
    price: variant.price ?? null,
    inventoryPolicy: variant.inventoryPolicy,
    inventoryItemId: item ? gidToId(item.id, "InventoryItem") : null,
    tracked: item?.tracked ?? false,
    levels: levels.map((level) => ({
      locationId: gidToId(level.location.id, "Location"),
      available: level.quantities.find((q) => q.name === "available")?.quantity ?? 0,
      updatedAt: level.updatedAt ? new Date(level.updatedAt) : readAt,
    })),
  };
}

import { z } from "zod";
import { toBigInt } from "../shopify-id.ts";
import type { Db } from "../db/create-prisma.ts";

const bigId = z
  .unknown()
  .transform((v, ctx) => toBigInt(v) ?? (ctx.addIssue({ code: "custom", message: "id" }), 0n));
const optionalBigId = z.unknown().transform((v) => (v == null ? null : toBigInt(v)));

const productSchema = z.object({
  id: bigId,
  title: z.string(),
  handle: z.string().nullish(),
  updated_at: z.string().transform((v) => new Date(v)),
  image: z.object({ src: z.string() }).nullish(),
  variants: z.array(
    z.object({
      id: bigId,
      title: z.string().nullish(),
      sku: z.string().nullish(),
      price: z.union([z.string(), z.number()]).nullish(),
      inventory_policy: z.string().nullish(),
      inventory_item_id: optionalBigId,
      updated_at: z.string().nullish(),
    }),
  ),
});

export type ProductWebhookResult = {
  /** Variants that were not cached yet: tracked and levels come from the Admin API. */
  newVariantIds: bigint[];
  /** Variants gone from the product: marked deleted. */
  removedVariantIds: bigint[];
};

/**
 * products/update: caches the product and its variants. An older updated_at than the stored one
 * changes nothing. The payload has no `tracked` flag: a new variant is read from the Admin API.
 */
export async function storeProductWebhook(
  db: Db,
  shopId: string,
  payload: unknown,
  now: Date,
): Promise<ProductWebhookResult | null> {
  const product = productSchema.parse(payload);
  const stored = await db.product.findUnique({
    where: { shopId_productId: { shopId, productId: product.id } },
  });
  if (stored?.shopifyUpdatedAt && stored.shopifyUpdatedAt > product.updated_at) return null;
  const fields = {
    title: product.title,
    handle: product.handle ?? null,
    imageUrl: product.image?.src ?? null,
    shopifyUpdatedAt: product.updated_at,
    deletedAt: null,
  };
  await db.product.upsert({
    where: { shopId_productId: { shopId, productId: product.id } },
    create: { shopId, productId: product.id, ...fields },
    update: fields,
  });
  const known = await db.variant.findMany({
    where: { shopId, productId: product.id },
    select: { variantId: true },
  });
  const knownIds = new Set(known.map((v) => v.variantId));
  const newVariantIds: bigint[] = [];
  for (const variant of product.variants) {
    const data = {
      productId: product.id,
      title: variant.title ?? "",
      sku: variant.sku ?? null,
      price: variant.price == null ? null : String(variant.price),
      inventoryPolicy: variant.inventory_policy?.toUpperCase() === "CONTINUE" ? "CONTINUE" : "DENY",
      ...(variant.inventory_item_id !== null ? { inventoryItemId: variant.inventory_item_id } : {}),
      shopifyUpdatedAt: product.updated_at,
      deletedAt: null,
    };
    const existing = await db.variant.findUnique({
      where: { shopId_variantId: { shopId, variantId: variant.id } },
    });
    if (existing?.shopifyUpdatedAt && existing.shopifyUpdatedAt > product.updated_at) continue;
    await db.variant.upsert({
      where: { shopId_variantId: { shopId, variantId: variant.id } },
      create: { shopId, variantId: variant.id, ...data },
      update: data,
    });
    if (!existing) newVariantIds.push(variant.id);
  }
  const present = new Set(product.variants.map((v) => v.id));
  const removedVariantIds = [...knownIds].filter((id) => !present.has(id));
  if (removedVariantIds.length > 0) {
    await db.variant.updateMany({
      where: { shopId, variantId: { in: removedVariantIds }, deletedAt: null },
      data: { deletedAt: now },
    });
  }
  return { newVariantIds, removedVariantIds };
}

/** products/delete: the product and its variants are gone; their backorder rows stay as they are. */
export async function markProductDeleted(db: Db, shopId: string, payload: unknown, now: Date): Promise<void> {
  const { id } = z.object({ id: bigId }).parse(payload);
  await db.product.updateMany({
    where: { shopId, productId: id, deletedAt: null },
    data: { deletedAt: now },
  });
  await db.variant.updateMany({
    where: { shopId, productId: id, deletedAt: null },
    data: { deletedAt: now },
  });
}

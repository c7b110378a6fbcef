import type { Db } from "../../db/create-prisma.ts";

/** YYYY-MM-DD of a date column (ETAs are calendar dates), or null. */
export function isoDate(date: Date | null): string | null {
  return date ? date.toISOString().slice(0, 10) : null;
}

/** The variant as every event names it: id, SKU, titles. */
export async function variantSummary(db: Db, shopId: string, variantId: bigint) {
  const variant = await db.variant.findFirst({
    where: { shopId, variantId },
    select: { sku: true, title: true, productId: true },
  });
  const product = variant
    ? await db.product.findFirst({ where: { shopId, productId: variant.productId }, select: { title: true } })
    : null;
  return {
    id: String(variantId),
    productId: variant ? String(variant.productId) : null,
    sku: variant?.sku ?? null,
    title: variant?.title ?? null,
    productTitle: product?.title ?? null,
  };
}

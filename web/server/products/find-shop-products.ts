import type { Db } from "../db/create-prisma.ts";

/** A product of the shop's synced catalog, as the admin names it (id as Shopify's numeric id). */
export type ShopProductView = { id: string; title: string; handle: string | null; imageUrl: string | null };

const MAX_PRODUCTS = 50;

/**
 * The shop's live products, by title: those with the given ids, or those whose title contains the
 * query (case-insensitive). At most 50: enough for a picker page and for the 20 alternatives.
 */
export async function findShopProducts(
  db: Db,
  shopId: string,
  filter: { ids?: bigint[]; query?: string },
): Promise<ShopProductView[]> {
  const query = filter.query?.trim();
  const rows = await db.product.findMany({
    where: {
      shopId,
      deletedAt: null,
      ...(filter.ids ? { productId: { in: filter.ids } } : {}),
      ...(query ? { title: { contains: query, mode: "insensitive" as const } } : {}),
    },
    select: { productId: true, title: true, handle: true, imageUrl: true },
    orderBy: [{ title: "asc" }, { productId: "asc" }],
    take: MAX_PRODUCTS,
  });
  return rows.map((r) => ({
    id: r.productId.toString(),
    title: r.title,
    handle: r.handle,
    imageUrl: r.imageUrl,
  }));
}

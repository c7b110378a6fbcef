import type { Db } from "../db/create-prisma.ts";
import { storefrontLink } from "../notifications/storefront-link.ts";
import { formatMoney } from "../format/format-money.ts";

/** An in-stock suggestion as the templates see it (`{% for alt in alternatives %}`). */
export type AlternativeVariables = {
  product_title: string;
  /** Empty for a single-variant product. */
  title: string;
  url: string;
  price: string | null;
  image_url: string | null;
};

export type AlternativesQuery = {
  shopId: string;
  /** The variants the customer waits for: never suggested, and their products' siblings come first. */
  variantIds: readonly bigint[];
  /** The merchant's chosen products, suggested after the siblings. */
  extraProductIds: readonly bigint[];
  shopUrl: string;
  currency: string | null;
  locale: string;
  limit?: number;
};

/**
 * In-stock alternatives from the app's own cache (no Admin call while an email renders): the same
 * product's other variants with stock, then variants of the merchant's chosen products.
 */
export async function loadAlternatives(db: Db, query: AlternativesQuery): Promise<AlternativeVariables[]> {
  const limit = query.limit ?? 3;
  if (query.variantIds.length === 0 || limit <= 0) return [];
  const waiting = await db.variant.findMany({
    where: { shopId: query.shopId, variantId: { in: [...query.variantIds] } },
    select: { productId: true },
  });
  const own = [...new Set(waiting.map((v) => v.productId))];
  const extra = query.extraProductIds.filter((id) => !own.includes(id));
  const candidates = await db.variant.findMany({
    where: {
      shopId: query.shopId,
      productId: { in: [...own, ...extra] },
      variantId: { notIn: [...query.variantIds] },
      deletedAt: null,
      OR: [{ tracked: true, available: { gt: 0 } }, { tracked: false }],
    },
    orderBy: [{ available: "desc" }, { variantId: "asc" }],
    take: 50,
  });
  const products = await db.product.findMany({
    where: {
      shopId: query.shopId,
      productId: { in: [...new Set(candidates.map((c) => c.productId))] },
      deletedAt: null,
    },
  });
  const productOf = new Map(products.map((p) => [p.productId, p]));
  const rank = (productId: bigint) => (own.includes(productId) ? 0 : 1 + extra.indexOf(productId));
  return candidates
    .filter((c) => productOf.get(c.productId)?.handle)
    .sort((a, b) => rank(a.productId) - rank(b.productId))
    .slice(0, limit)
    .map((c) => {
      const product = productOf.get(c.productId)!;
      return {
        product_title: product.title,
        title: c.title === "Default Title" ? "" : c.title,
        url: storefrontLink(query.shopUrl, `products/${encodeURIComponent(product.handle!)}`, {
          variant: String(c.variantId),
        }),
        price: c.price === null ? null : formatMoney(c.price.toString(), query.currency, query.locale),
        image_url: product.imageUrl,
      };
    });
}

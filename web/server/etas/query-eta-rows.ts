import { Prisma } from "@prisma/client";
// A transaction client or the full client: both can run these reads.
type DbClient = Prisma.TransactionClient;

/** A variant with everything its ETA depends on (Variant, its Product's lead time, its VariantEta). */
export type EtaRow = {
  variantId: bigint;
  productId: bigint;
  variantTitle: string;
  sku: string | null;
  available: number;
  inventoryPolicy: string;
  tracked: boolean;
  productTitle: string | null;
  productLeadTimeDays: number | null;
  /** VariantEta.etaDate as `YYYY-MM-DD`. */
  etaDate: string | null;
  message: string | null;
  source: string | null;
  pushedEta: string | null;
  pushedMessage: string | null;
  pushedBackordered: boolean | null;
};

type RawRow = Omit<EtaRow, "etaDate"> & { etaDate: Date | null };

export type EtaRowQuery = {
  /** Extra conditions, ANDed; use the aliases v (Variant), p (Product), e (VariantEta). */
  where?: Prisma.Sql[];
  orderBy?: Prisma.Sql;
  limit?: number;
  offset?: number;
};

// Variant, Product and VariantEta share (shopId, Shopify id) keys but have no Prisma relations,
// hence SQL. Deleted variants are never listed: nothing can be set on or pushed to them.
const FROM = Prisma.sql`
  FROM "Variant" v
  LEFT JOIN "Product" p ON p."shopId" = v."shopId" AND p."productId" = v."productId"
  LEFT JOIN "VariantEta" e ON e."shopId" = v."shopId" AND e."variantId" = v."variantId"`;

function whereClause(shopId: string, extra: Prisma.Sql[] = []): Prisma.Sql {
  const conditions = [Prisma.sql`v."shopId" = ${shopId}`, Prisma.sql`v."deletedAt" IS NULL`, ...extra];
  return Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}`;
}

export async function selectEtaRows(
  db: DbClient,
  shopId: string,
  query: EtaRowQuery = {},
): Promise<EtaRow[]> {
  const order = query.orderBy ?? Prisma.sql`v."variantId"`;
  const limit = query.limit === undefined ? Prisma.empty : Prisma.sql`LIMIT ${query.limit}`;
  const offset = query.offset ? Prisma.sql`OFFSET ${query.offset}` : Prisma.empty;
  const rows = await db.$queryRaw<RawRow[]>`
    SELECT v."variantId", v."productId", v."title" AS "variantTitle", v."sku", v."available",
      v."inventoryPolicy", v."tracked", p."title" AS "productTitle",
      p."defaultLeadTimeDays" AS "productLeadTimeDays", e."etaDate", e."message", e."source",
      e."pushedEta", e."pushedMessage", e."pushedBackordered"
    ${FROM} ${whereClause(shopId, query.where)} ORDER BY ${order} ${limit} ${offset}`;
  return rows.map((row) => ({
    ...row,
    etaDate: row.etaDate ? row.etaDate.toISOString().slice(0, 10) : null,
  }));
}

export async function countEtaRows(db: DbClient, shopId: string, where: Prisma.Sql[] = []): Promise<number> {
  const [row] = await db.$queryRaw<{ count: bigint }[]>`
    SELECT count(*) AS count ${FROM} ${whereClause(shopId, where)}`;
  return Number(row?.count ?? 0n);
}

/** Rows of these variants (unknown or deleted ones are simply missing). */
export function selectEtaRowsByIds(
  db: DbClient,
  shopId: string,
  variantIds: readonly bigint[],
): Promise<EtaRow[]> {
  if (variantIds.length === 0) return Promise.resolve([]);
  return selectEtaRows(db, shopId, {
    where: [Prisma.sql`v."variantId" IN (${Prisma.join([...variantIds])})`],
  });
}

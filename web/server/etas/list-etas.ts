import { Prisma } from "@prisma/client";
import { z } from "zod";
import type { Db } from "../db/create-prisma.ts";
import { containsPattern } from "../db/like-pattern.ts";
import { loadEtaShopContext } from "./eta-shop-context.ts";
import { ETA_LIST_FILTERS, etaFilterConditions } from "./eta-list-filters.ts";
import { toEtaView, type EtaView } from "./eta-view.ts";
import { countEtaRows, selectEtaRows } from "./query-eta-rows.ts";
import { calendarDate } from "./resolve-eta.ts";

export const listEtasQuerySchema = z.object({
  query: z.string().trim().max(200).optional(),
  filter: z.enum(ETA_LIST_FILTERS).default("all"),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(250).default(50),
});
export type ListEtasQuery = z.infer<typeof listEtasQuerySchema>;

/** `today` is the shop's calendar day: an ETA before it is past (the admin warns about it). */
export type EtaPage = { variants: EtaView[]; page: number; pageSize: number; total: number; today: string };

/** Variants with their ETA, by product then variant title; filtered and paged in SQL. */
export async function listEtas(db: Db, shopId: string, query: ListEtasQuery, now: Date): Promise<EtaPage> {
  const ctx = await loadEtaShopContext(db, shopId);
  const where: Prisma.Sql[] = [];
  if (query.query) {
    const pattern = containsPattern(query.query);
    where.push(
      Prisma.sql`(p."title" ILIKE ${pattern} OR v."title" ILIKE ${pattern} OR v."sku" ILIKE ${pattern})`,
    );
  }
  where.push(...etaFilterConditions(query.filter, ctx, now));
  const [rows, total] = await Promise.all([
    selectEtaRows(db, shopId, {
      where,
      orderBy: Prisma.sql`p."title" ASC NULLS LAST, v."title" ASC, v."variantId" ASC`,
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    }),
    countEtaRows(db, shopId, where),
  ]);
  return {
    variants: rows.map((r) => toEtaView(r, ctx, now)),
    page: query.page,
    pageSize: query.pageSize,
    total,
    today: calendarDate(now, ctx.timezone),
  };
}

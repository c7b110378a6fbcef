import { Prisma } from "@prisma/client";
import type { EtaShopContext } from "./eta-shop-context.ts";
import { calendarDate } from "./resolve-eta.ts";

/** The ETA list's views: every variant, past ETAs, backordered now, backordered with no ETA at all. */
export const ETA_LIST_FILTERS = ["all", "overdue", "backordered", "no_eta"] as const;
export type EtaListFilter = (typeof ETA_LIST_FILTERS)[number];

// Same definition as isBackordered (eta-view.ts).
const BACKORDERED = Prisma.sql`v."tracked" AND v."inventoryPolicy" = 'CONTINUE' AND v."available" <= 0`;

/**
 * SQL conditions (aliases of query-eta-rows.ts) for a view. "no_eta": backordered and nothing to
 * resolve an ETA from (no date on the variant, no lead time on its product or the shop), the
 * merchant's to-do list: resolveEta gives such a variant no ETA.
 */
export function etaFilterConditions(
  filter: EtaListFilter,
  ctx: Pick<EtaShopContext, "timezone" | "defaultLeadTimeDays">,
  now: Date,
): Prisma.Sql[] {
  if (filter === "overdue") return [Prisma.sql`e."etaDate" < ${calendarDate(now, ctx.timezone)}::date`];
  if (filter === "backordered") return [BACKORDERED];
  if (filter === "no_eta") {
    if (ctx.defaultLeadTimeDays !== null) return [Prisma.sql`FALSE`];
    return [BACKORDERED, Prisma.sql`e."etaDate" IS NULL AND p."defaultLeadTimeDays" IS NULL`];
  }
  return [];
}

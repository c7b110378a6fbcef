import type { Db } from "../db/create-prisma.ts";
import type { DemandRow } from "./read-alert-stats.ts";

export type DemandView = DemandRow & {
  notified: number;
  sku: string | null;
  /** Cached stock over the counted locations: what a manual wave would be sized by. */
  available: number | null;
};

/** Adds what the admin's demand table shows beside the waiting counts: past alerts and stock. */
export async function describeDemand(db: Db, shopId: string, rows: DemandRow[]): Promise<DemandView[]> {
  const variantIds = rows.map((r) => BigInt(r.variantId));
  const [notified, variants] = await Promise.all([
    db.subscription.groupBy({
      by: ["variantId"],
      where: { shopId, variantId: { in: variantIds }, status: "NOTIFIED" },
      _count: { _all: true },
    }),
    db.variant.findMany({
      where: { shopId, variantId: { in: variantIds } },
      select: { variantId: true, sku: true, available: true },
    }),
  ]);
  const notifiedOf = new Map(notified.map((n) => [String(n.variantId), n._count._all]));
  const variantOf = new Map(variants.map((v) => [String(v.variantId), v]));
  return rows.map((r) => ({
    ...r,
    notified: notifiedOf.get(r.variantId) ?? 0,
    sku: variantOf.get(r.variantId)?.sku ?? null,
    available: variantOf.get(r.variantId)?.available ?? null,
  }));
}

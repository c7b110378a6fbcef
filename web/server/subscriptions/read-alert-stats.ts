import type { Db } from "../db/create-prisma.ts";

export type DemandRow = {
  variantId: string;
  productTitle: string | null;
  variantTitle: string | null;
  waiting: number;
  pending: number;
};

/** Variants with the most people waiting (ACTIVE), for the merchant's demand view. */
export async function readDemand(db: Db, shopId: string, limit = 100): Promise<DemandRow[]> {
  const rows = await db.$queryRaw<
    {
      variantId: bigint;
      productTitle: string | null;
      variantTitle: string | null;
      waiting: bigint;
      pending: bigint;
    }[]
  >`
    select s."variantId", p.title as "productTitle", v.title as "variantTitle",
           count(*) filter (where s.status = 'ACTIVE') as waiting,
           count(*) filter (where s.status = 'PENDING') as pending
    from "Subscription" s
    left join "Variant" v on v."shopId" = s."shopId" and v."variantId" = s."variantId"
    left join "Product" p on p."shopId" = s."shopId" and p."productId" = v."productId"
    where s."shopId" = ${shopId} and s.status in ('ACTIVE', 'PENDING')
    group by s."variantId", p.title, v.title
    order by waiting desc, s."variantId"
    limit ${limit}`;
  return rows.map((r) => ({
    ...r,
    variantId: r.variantId.toString(),
    waiting: Number(r.waiting),
    pending: Number(r.pending),
  }));
}

/** What the alerts did: subscriptions by status, restock emails sent, conversions and revenue. */
export async function readAlertStats(db: Db, shopId: string) {
  const [byStatus, sent, conversions] = await Promise.all([
    db.subscription.groupBy({ by: ["status"], where: { shopId }, _count: { _all: true } }),
    db.notification.count({ where: { shopId, kind: "restock", status: "SENT" } }),
    db.conversion.aggregate({ where: { shopId }, _count: { _all: true }, _sum: { revenue: true } }),
  ]);
  return {
    subscriptions: Object.fromEntries(byStatus.map((g) => [g.status, g._count._all])),
    restockEmailsSent: sent,
    conversions: conversions._count._all,
    revenue: (conversions._sum.revenue ?? 0).toString(),
  };
}

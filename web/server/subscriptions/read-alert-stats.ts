import type { Db } from "../db/create-prisma.ts";

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

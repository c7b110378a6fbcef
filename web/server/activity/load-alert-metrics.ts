import type { Db } from "../db/create-prisma.ts";
import { fillDailySeries, type DailyRow } from "./fill-daily-series.ts";

export type AlertMetrics = {
  period: { from: string; to: string };
  alertsSent: number;
  alertsFailed: number;
  conversions: number;
  revenue: number;
  currency: string | null;
  conversionRate: number;
  daily: ReturnType<typeof fillDailySeries>;
};

/** Restock alerts sent in a period and the orders attributed to them (Conversion rows), per UTC day. */
export async function loadAlertMetrics(db: Db, shopId: string, from: Date, to: Date): Promise<AlertMetrics> {
  const [sent, conversions, failed, shop] = await Promise.all([
    db.$queryRaw<DailyRow[]>`
      select to_char("sentAt" at time zone 'UTC', 'YYYY-MM-DD') as day, count(*)::int as sent
      from "Notification"
      where "shopId" = ${shopId} and kind = 'restock' and status = 'SENT'
        and "sentAt" >= ${from} and "sentAt" < ${to}
      group by 1`,
    db.$queryRaw<DailyRow[]>`
      select to_char("createdAt" at time zone 'UTC', 'YYYY-MM-DD') as day, count(*)::int as conversions,
             coalesce(round(sum(revenue) * 100), 0)::bigint as "revenueCents"
      from "Conversion"
      where "shopId" = ${shopId} and "createdAt" >= ${from} and "createdAt" < ${to}
      group by 1`,
    db.notification.count({
      where: { shopId, kind: "restock", status: "FAILED", createdAt: { gte: from, lt: to } },
    }),
    db.shop.findUnique({ where: { id: shopId }, select: { currency: true } }),
  ]);
  const rows = [...sent, ...conversions].map((r) => ({ ...r, revenueCents: Number(r.revenueCents ?? 0) }));
  const daily = fillDailySeries(from, to, rows);
  const alertsSent = daily.reduce((sum, d) => sum + d.sent, 0);
  const conversionCount = daily.reduce((sum, d) => sum + d.conversions, 0);
  const revenueCents = rows.reduce((sum, r) => sum + r.revenueCents, 0);
  return {
    period: { from: from.toISOString(), to: to.toISOString() },
    alertsSent,
    alertsFailed: failed,
    conversions: conversionCount,
    revenue: revenueCents / 100,
    currency: shop?.currency ?? null,
    conversionRate: alertsSent === 0 ? 0 : conversionCount / alertsSent,
    daily,
  };
}

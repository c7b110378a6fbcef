export type DailyPoint = { date: string; sent: number; conversions: number; revenue: number };
export type DailyRow = { day: string; sent?: number; conversions?: number; revenueCents?: number };

const DAY_MS = 86_400_000;
export const MAX_PERIOD_DAYS = 366;

/**
 * One point per UTC day from `from` (included) to `to` (excluded), zeros where nothing happened,
 * so a chart's x axis is the calendar rather than the days that had data.
 */
export function fillDailySeries(from: Date, to: Date, rows: readonly DailyRow[]): DailyPoint[] {
  const byDay = new Map<string, DailyPoint>();
  const start = Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate());
  for (let t = start, n = 0; t < to.getTime() && n < MAX_PERIOD_DAYS; t += DAY_MS, n++) {
    const date = new Date(t).toISOString().slice(0, 10);
    byDay.set(date, { date, sent: 0, conversions: 0, revenue: 0 });
  }
  for (const row of rows) {
    const point = byDay.get(row.day);
    if (!point) continue;
    point.sent += row.sent ?? 0;
    point.conversions += row.conversions ?? 0;
    // Cents until the end: summing floats would drift by a cent over a long period.
    point.revenue = (Math.round(point.revenue * 100) + (row.revenueCents ?? 0)) / 100;
  }
  return [...byDay.values()];
}

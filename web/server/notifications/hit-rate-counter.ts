import type { Db } from "../db/create-prisma.ts";

export type RateCounterHit = {
  /** Hits in the current window, these included (hits over the limit count too). */
  count: number;
  /** Milliseconds until the current window ends, on the database clock. */
  msUntilWindowEnd: number;
};

/**
 * Counts `hits` hits (default one) against `key` in a fixed window of `windowSeconds`, atomically for every process
 * sharing the database (one upsert, row-locked). The database clock decides the window, so
 * workers with skewed clocks cannot each believe they are in a fresh second.
 */
export async function hitRateCounter(
  db: Db,
  key: string,
  windowSeconds: number,
  hits = 1,
): Promise<RateCounterHit> {
  const rows = await db.$queryRaw<{ count: number; window_start: bigint; now_ms: number }[]>`
    with clock as (
      select extract(epoch from clock_timestamp()) * 1000 as now_ms
    ), slot as (
      select (floor(now_ms / 1000 / ${windowSeconds}) * ${windowSeconds})::bigint as window_start, now_ms from clock
    )
    insert into "RateCounter" ("key", "windowStart", "count")
    select ${key}, window_start, ${hits}::int from slot
    on conflict ("key") do update set
      "count" = case when "RateCounter"."windowStart" >= excluded."windowStart"
                     then "RateCounter"."count" + excluded."count" else excluded."count" end,
      "windowStart" = greatest("RateCounter"."windowStart", excluded."windowStart")
    returning "count" as count, "windowStart" as window_start, (select now_ms from slot)::float8 as now_ms`;
  const row = rows[0];
  if (!row) throw new Error("rate counter upsert returned no row");
  const windowEndMs = (Number(row.window_start) + windowSeconds) * 1000;
  return { count: Number(row.count), msUntilWindowEnd: Math.max(0, Math.ceil(windowEndMs - row.now_ms)) };
}

/** Counters whose window ended long ago; called by the notification sweeper. */
export async function deleteStaleRateCounters(db: Db, olderThanSeconds: number): Promise<number> {
  return db.$executeRaw`
    delete from "RateCounter"
    where "windowStart" < (extract(epoch from clock_timestamp()) - ${olderThanSeconds})::bigint`;
}

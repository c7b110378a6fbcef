import type { Db } from "../db/create-prisma.ts";
import type { SqlPool } from "../db/create-sql-pool.ts";

export type RateCounterHit = {
  /** Hits in the current window, these included (hits over the limit count too). */
  count: number;
  /** Milliseconds until the current window ends, on the database clock. */
  msUntilWindowEnd: number;
};

/**
 * The fixed-window upsert of one counter, reading the database clock from a `clock` CTE: the
 * counter named by parameter `key`, windows of `window` seconds, adding `hits`. `where` can make it
 * insert nothing (a chained check whose predecessor is over its limit).
 */
function upsertCounterSql(p: { key: string; window: string; hits: string }, where = ""): string {
  return `
    insert into "RateCounter" ("key", "windowStart", "count")
    select ${p.key}, (floor(now_ms / 1000 / ${p.window}::int) * ${p.window}::int)::bigint, ${p.hits}::int
    from clock ${where}
    on conflict ("key") do update set
      "count" = case when "RateCounter"."windowStart" >= excluded."windowStart"
                     then "RateCounter"."count" + excluded."count" else excluded."count" end,
      "windowStart" = greatest("RateCounter"."windowStart", excluded."windowStart")
    returning "count" as count, "windowStart" as window_start`;
}

const CLOCK_SQL = `clock as (select extract(epoch from clock_timestamp()) * 1000 as now_ms)`;

type CounterRow = { count: number; window_start: string | bigint; now_ms: number };

function toHit(row: CounterRow, windowSeconds: number): RateCounterHit {
  const windowEndMs = (Number(row.window_start) + windowSeconds) * 1000;
  return {
    count: Number(row.count),
    msUntilWindowEnd: Math.max(0, Math.ceil(windowEndMs - Number(row.now_ms))),
  };
}

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
  const rows = await db.$queryRawUnsafe<CounterRow[]>(
    `with ${CLOCK_SQL}, hit as (${upsertCounterSql({ key: "$1", window: "$2", hits: "$3" })})
     select count, window_start, (select now_ms from clock)::float8 as now_ms from hit`,
    key,
    windowSeconds,
    hits,
  );
  const row = rows[0];
  if (!row) throw new Error("rate counter upsert returned no row");
  return toHit(row, windowSeconds);
}

export type RateCheck = { key: string; windowSeconds: number; limit: number };

export type RateChainVerdict = { ok: true } | { ok: false; index: number; hit: RateCounterHit };

/**
 * Counts one hit against each check in turn, in one statement (a hot path: plain SQL, one round
 * trip), and stops at the first over its limit: the later ones are not counted. The same counters
 * and windows as hitRateCounter.
 */
export async function hitRateCountersInTurn(
  sql: SqlPool,
  checks: readonly RateCheck[],
): Promise<RateChainVerdict> {
  const values: unknown[] = [];
  const ctes: string[] = [];
  const within: string[] = [];
  checks.forEach((check, i) => {
    values.push(check.key, check.windowSeconds);
    const key = `$${values.length - 1}`;
    const window = `$${values.length}`;
    const where = within.length > 0 ? `where ${within.join(" and ")}` : "";
    ctes.push(`c${i} as (${upsertCounterSql({ key, window, hits: "1" }, where)})`);
    if (i === checks.length - 1) return; // its limit is read below, not by a later check
    values.push(check.limit);
    within.push(`(select count from c${i}) <= $${values.length}::int`);
  });
  const { rows } = await sql.query<CounterRow & { i: number }>({
    // The text depends only on the number of checks: one prepared statement per length.
    name: `rate-counters-in-turn-${checks.length}`,
    text: `with ${CLOCK_SQL}, ${ctes.join(", ")}
     select i, count, window_start, (select now_ms from clock)::float8 as now_ms from (
       ${checks.map((_, i) => `select ${i} as i, count, window_start from c${i}`).join(" union all ")}
     ) counted order by i`,
    values,
  });
  for (const row of rows) {
    const check = checks[row.i]!;
    if (Number(row.count) > check.limit) {
      return { ok: false, index: row.i, hit: toHit(row, check.windowSeconds) };
    }
  }
  return { ok: true };
}

/** Counters whose window ended long ago; called by the notification sweeper. */
export async function deleteStaleRateCounters(db: Db, olderThanSeconds: number): Promise<number> {
  return db.$executeRaw`
    delete from "RateCounter"
    where "windowStart" < (extract(epoch from clock_timestamp()) - ${olderThanSeconds})::bigint`;
}

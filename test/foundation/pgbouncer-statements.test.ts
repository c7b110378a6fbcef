// The app's named statements through a real PgBouncer in transaction mode (PGBOUNCER=1 starts one;
// Debian 12's is 1.18, which keeps no prepared statement across transactions): they break unless
// DATABASE_URL says `pgbouncer=true`, which runs them unnamed. docs/redis-cluster-and-pgbouncer.md
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { loadConfig } from "../../web/server/config.ts";
import { createSqlPool } from "../../web/server/db/create-sql-pool.ts";
import { migrateDatabase } from "../../web/server/db/migrate-database.ts";
import { resolveDatabase } from "../../web/server/db/resolve-database.ts";
import { hitRateCountersInTurn } from "../../web/server/limits/hit-rate-counter.ts";
import { createTestDatabase } from "../helpers/test-database.ts";

const pooled = Boolean(inject("databasePoolerUrl"));
const CLIENTS = 5;
const ROUNDS = 20;

/** `url` with the pooler flag set or removed. */
function withFlag(url: string, on: boolean): string {
  const u = new URL(url);
  if (on) u.searchParams.set("pgbouncer", "true");
  else u.searchParams.delete("pgbouncer");
  return u.toString();
}

/** CLIENTS concurrent callers, ROUNDS each, of the email sends' rate check (a named statement). */
async function hammer(url: string, key: string): Promise<{ ok: number; errors: string[] }> {
  const sql = createSqlPool(url, { max: CLIENTS });
  const errors: string[] = [];
  let ok = 0;
  try {
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        for (let i = 0; i < ROUNDS; i++) {
          try {
            await hitRateCountersInTurn(sql, [{ key, windowSeconds: 3600, limit: 1_000_000 }]);
            ok += 1;
          } catch (error) {
            errors.push((error as Error).message);
          }
        }
      }),
    );
  } finally {
    await sql.end();
  }
  return { ok, errors };
}

describe.skipIf(!pooled)("named statements through PgBouncer in transaction mode (PGBOUNCER=1)", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database?.drop());

  it("without pgbouncer=true the hot paths' named statements fail there", async () => {
    const { ok, errors } = await hammer(withFlag(database.url, false), "named");
    expect(errors.length).toBeGreaterThan(0);
    expect(ok + errors.length).toBe(CLIENTS * ROUNDS);
    expect(errors[0]).toMatch(/prepared statement "rate-counters-in-turn-1" (already exists|does not exist)/);
  });

  it("with pgbouncer=true every one runs, unnamed, and every hit is counted once", async () => {
    const { ok, errors } = await hammer(withFlag(database.url, true), "unnamed");
    expect(errors).toEqual([]);
    expect(ok).toBe(CLIENTS * ROUNDS);
    const direct = createSqlPool(database.directUrl, { max: 1 });
    const { rows } = await direct.query<{ count: number }>(
      `select "count" from "RateCounter" where "key" = 'unnamed'`,
    );
    await direct.end();
    expect(rows).toEqual([{ count: CLIENTS * ROUNDS }]);
  });

  it("migrations go to DIRECT_URL: the session advisory lock never crosses the pooler", async () => {
    const config = loadConfig({
      NODE_ENV: "test",
      DATABASE_URL: withFlag(database.url, true),
      DIRECT_URL: database.directUrl,
    });
    const resolved = await resolveDatabase(config, { migrate: true });
    expect(resolved.directUrl).toBe(database.directUrl);
    expect(new URL(resolved.url).port).not.toBe(new URL(database.directUrl).port);
    // Applied already (the template): the direct run finds nothing to do and holds no lock after.
    expect((await migrateDatabase(resolved.directUrl)).applied).toEqual([]);
    const direct = createSqlPool(database.directUrl, { max: 1 });
    const { rows } = await direct.query(`select 1 from pg_locks where locktype = 'advisory'
      and database = (select oid from pg_database where datname = current_database())`);
    await direct.end();
    expect(rows).toEqual([]);
  });
});

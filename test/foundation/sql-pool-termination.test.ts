import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSqlPool, type SqlPool } from "../../web/server/db/create-sql-pool.ts";
import { createTestDatabase } from "../helpers/test-database.ts";

/**
 * PostgreSQL shutting down (restart, failover) terminates every backend with FATAL 57P01. A client
 * checked out of the pool between two statements of a transaction gets that as an "error" event:
 * unhandled, it would end the worker process (it did, in the fault suite's restart scenario).
 */
describe("sql pool when the server terminates a checked-out connection", () => {
  let database: { url: string; drop: () => Promise<void> };
  let pool: SqlPool;
  beforeAll(async () => {
    database = await createTestDatabase();
    pool = createSqlPool(database.url, { max: 3 });
  });
  afterAll(async () => {
    await pool?.end();
    await database?.drop();
  });

  it("keeps the process alive, rejects the transaction's next statement, and serves the next caller", async () => {
    const client = await pool.connect();
    await client.query("begin");
    const { rows } = await client.query<{ pid: number }>("select pg_backend_pid() as pid");
    // Another connection terminates this one, as a shutting-down server does to all of them.
    await pool.query("select pg_terminate_backend($1)", [rows[0]!.pid]);
    await new Promise((r) => setTimeout(r, 200)); // the FATAL arrives while no query is active
    await expect(client.query("select 1")).rejects.toThrow();
    client.release();
    expect((await pool.query<{ one: number }>("select 1 as one")).rows[0]!.one).toBe(1);
  });
});

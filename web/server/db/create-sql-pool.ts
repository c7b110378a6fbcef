import pg from "pg";
import { readPoolerUrl, withoutStatementName } from "./pooler-url.ts";

export type SqlPool = pg.Pool;

/**
 * The process's node-postgres pools, guarded against server restarts (below): Prisma's adapter
 * runs on one (create-prisma.ts), and one serves plain SQL for the few hot paths (webhook ingress,
 * storefront ETA reads, email sends):
 * measured here, Prisma's client engine costs several times raw pg's CPU per query under
 * concurrency (bench/README.md). Everything else goes through Prisma. BIGINT comes back as text,
 * never as a lossy JS number. Behind a transaction-mode pooler (`?pgbouncer=true`, pooler-url.ts)
 * the hot paths' named statements run unnamed.
 */
export function createSqlPool(databaseUrl: string, opts: { max?: number } = {}): SqlPool {
  const { connectionString, pgbouncer } = readPoolerUrl(databaseUrl);
  const pool = new pg.Pool({ connectionString, max: opts.max ?? 10 });
  // Idle clients dropped by the server (restart, failover) must not crash the process; the next
  // query reconnects and a failing query rejects where it is awaited.
  pool.on("error", () => undefined);
  // Nor may a checked-out client between two statements of a transaction (pg-pool listens only to
  // idle ones): a server shutting down emits "error" on it, unhandled that would end the process.
  // Its next query rejects ("not queryable") where it is awaited, and release() drops it.
  pool.on("connect", (client) => {
    client.on("error", () => undefined);
    if (pgbouncer) dropStatementNames(client);
  });
  return pool;
}

/** Every query of this client (pool.query included: it runs on a pooled client) goes unnamed. */
function dropStatementNames(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as unknown as { query: (...args: unknown[]) => unknown }).query = (config, ...rest) =>
    query(withoutStatementName(config), ...rest);
}

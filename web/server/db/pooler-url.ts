// `?pgbouncer=true` on DATABASE_URL (Prisma's convention) says the URL is a transaction-mode pooler
// such as PgBouncer 1.18, which keeps no prepared statement from one transaction to the next.
// docs/redis-cluster-and-pgbouncer.md

/** The URL node-postgres should get (the flag removed) and whether statement names must go. */
export function readPoolerUrl(databaseUrl: string): { connectionString: string; pgbouncer: boolean } {
  const url = new URL(databaseUrl);
  const flag = url.searchParams.get("pgbouncer");
  if (flag === null) return { connectionString: databaseUrl, pgbouncer: false };
  url.searchParams.delete("pgbouncer");
  return { connectionString: url.toString(), pgbouncer: flag === "true" || flag === "1" };
}

/**
 * A query config without its statement name: an unnamed statement is parsed, bound and run in one
 * round trip on whichever server connection the pooler lends, where a named one is prepared once
 * per client connection and then only bound, on a server connection that may never have seen it.
 */
export function withoutStatementName<T>(config: T): T {
  if (config === null || typeof config !== "object" || !("name" in config) || !("text" in config)) {
    return config;
  }
  const { name: _name, ...rest } = config as T & { name: unknown };
  return rest as T;
}

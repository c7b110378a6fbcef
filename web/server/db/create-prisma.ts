import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";
import { createSqlPool } from "./create-sql-pool.ts";

export type Db = PrismaClient;

/**
 * Prisma with the pg driver adapter: no engine binary, 64-bit ids round-trip as bigint. The pool
 * is ours, built like the plain-SQL one: every client keeps an error listener for its whole life,
 * so a server restart cannot end the process through a checked-out client the adapter left
 * unguarded (seen in the fault suite: FATAL 57P01, unhandled "error" event). $disconnect ends it.
 */
export function createPrisma(databaseUrl: string, opts: { poolSize?: number } = {}): Db {
  const pool = createSqlPool(databaseUrl, { max: opts.poolSize ?? 10 });
  return new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
}

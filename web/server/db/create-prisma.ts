import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";

export type Db = PrismaClient;

/** Prisma with the pg driver adapter: no engine binary, 64-bit ids round-trip as bigint. */
export function createPrisma(databaseUrl: string, opts: { poolSize?: number } = {}): Db {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: databaseUrl, max: opts.poolSize ?? 10 }),
  });
}

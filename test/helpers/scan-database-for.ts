import type { PrismaClient } from "@prisma/client";

export type ScanHit = { table: string; column: string; needle: string; rows: number };

/**
 * Every text, varchar, json and jsonb column (and text arrays) of every table in the database's
 * schema, searched case-insensitively for each needle. Generic on purpose: a column added later is
 * searched without this helper knowing about it.
 */
export async function scanDatabaseFor(db: PrismaClient, needles: string[]): Promise<ScanHit[]> {
  const columns = await db.$queryRaw<{ table_name: string; column_name: string }[]>`
    SELECT table_name::text, column_name::text FROM information_schema.columns
    WHERE table_schema = current_schema()
      AND (data_type IN ('text', 'character varying', 'character', 'json', 'jsonb')
           OR (data_type = 'ARRAY' AND udt_name IN ('_text', '_varchar')))
    ORDER BY table_name, column_name`;
  const hits: ScanHit[] = [];
  for (const { table_name: table, column_name: column } of columns) {
    for (const needle of needles) {
      const pattern = `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const [row] = await db.$queryRawUnsafe<{ n: bigint }[]>(
        `SELECT count(*) AS n FROM "${table}" WHERE "${column}"::text ILIKE $1`,
        pattern,
      );
      if (row && row.n > 0n) hits.push({ table, column, needle, rows: Number(row.n) });
    }
  }
  return hits;
}

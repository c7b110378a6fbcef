// The SQL migrations are hand-applied (Prisma's apply step cannot run offline), so this proves the
// database they build is exactly the one schema.prisma describes: the same tables, columns, types,
// defaults, enums, indexes and constraints as a database built from the schema directly.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../helpers/test-database.ts";

const run = promisify(execFile);

type Db = Awaited<ReturnType<typeof createTestDatabase>>;

describe("prisma/migrations", () => {
  let migrated: Db;
  let fromSchema: Db;
  beforeAll(async () => {
    migrated = await createTestDatabase(); // cloned from the template built by the migrations
    fromSchema = await createTestDatabase();
    const client = new pg.Client({ connectionString: fromSchema.url });
    await client.connect();
    await client.query("drop schema public cascade; create schema public;");
    const { stdout } = await run(
      "npx",
      [
        "prisma",
        "migrate",
        "diff",
        "--from-empty",
        "--to-schema-datamodel",
        "prisma/schema.prisma",
        "--script",
      ],
      { env: { ...process.env, DATABASE_URL: fromSchema.url }, maxBuffer: 10 * 1024 * 1024 },
    );
    await client.query(stdout);
    await client.end();
  }, 120_000);
  afterAll(async () => {
    await migrated?.drop();
    await fromSchema?.drop();
  });

  it("build the database schema.prisma describes", async () => {
    const [a, b] = await Promise.all([describeCatalog(migrated.url), describeCatalog(fromSchema.url)]);
    expect(a.tables.length).toBeGreaterThan(10);
    expect(a).toEqual(b);
  });
});

async function describeCatalog(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const rows = async (sql: string) =>
      (await client.query(sql)).rows.map((r) => Object.values(r).join(" | "));
    return {
      tables: await rows(`select table_name from information_schema.tables
        where table_schema = 'public' and table_name <> '_prisma_migrations' order by 1`),
      columns:
        await rows(`select table_name, column_name, data_type, udt_name, is_nullable, coalesce(column_default, ''),
        coalesce(character_maximum_length::text, ''), coalesce(numeric_precision::text, ''), coalesce(numeric_scale::text, '')
        from information_schema.columns where table_schema = 'public' and table_name <> '_prisma_migrations' order by 1, 2`),
      enums: await rows(`select t.typname, e.enumlabel from pg_enum e join pg_type t on t.oid = e.enumtypid
        order by t.typname, e.enumsortorder`),
      indexes: await rows(`select tablename, indexname, indexdef from pg_indexes
        where schemaname = 'public' and tablename <> '_prisma_migrations' order by 1, 2`),
      constraints: await rows(`select c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid)
        from pg_constraint c join pg_namespace n on n.oid = c.connamespace
        where n.nspname = 'public' and c.conrelid::regclass::text not in ('_prisma_migrations', '"_prisma_migrations"')
        order by 1, 2`),
    };
  } finally {
    await client.end();
  }
}

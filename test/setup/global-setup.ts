// Starts PostgreSQL for the whole run: the server at DATABASE_URL when set (CI's real service),
// else an embedded one. Migrates a template database once; each test file clones it (fast, isolated).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { migrateDatabase } from "../../web/server/db/migrate-database.ts";
import { startEmbeddedPostgres } from "../../web/server/db/start-embedded-postgres.ts";
import { startPgBouncer } from "../helpers/start-pgbouncer.ts";

export default async function setup(project: TestProject) {
  let baseUrl = process.env.DATABASE_URL;
  let stop = async () => undefined as void;
  if (!baseUrl) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bh-test-pg-"));
    const embedded = await startEmbeddedPostgres({ dataDir, database: "postgres", persistent: false });
    baseUrl = embedded.url;
    stop = async () => {
      await embedded.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    };
  }
  await assertReachable(baseUrl, "DATABASE_URL");
  // PGBOUNCER=1: each test app reaches its database through a PgBouncer in transaction mode
  // (`?pgbouncer=true`, DIRECT_URL the server); PGBOUNCER=named leaves the flag off, to show the
  // named statements failing there. docs/redis-cluster-and-pgbouncer.md
  const pooler = await startPoolerIfAsked(process.env.PGBOUNCER, baseUrl);
  if (process.env.REDIS_URL) await assertRedisReachable(process.env.REDIS_URL);
  // Names carry this run's id so concurrent runs on one server never touch each other's databases.
  const runId = `${process.pid}${Math.floor(Math.random() * 1e6)}`;
  const template = `bh_template_${runId}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${template}`);
  await admin.query(`create database ${template}`);
  await admin.end();
  await migrateDatabase(withDatabase(baseUrl, template));
  project.provide("databaseBaseUrl", baseUrl);
  project.provide("templateDatabase", template);
  project.provide("runId", runId);
  project.provide("redisUrl", process.env.REDIS_URL ?? "");
  project.provide("databasePoolerUrl", pooler?.url ?? "");
  return async () => {
    const cleanup = new pg.Client({ connectionString: baseUrl });
    await cleanup.connect();
    const leftovers = await cleanup.query<{ datname: string }>(
      `select datname from pg_database where datname like $1 or datname = $2`,
      [`bh\\_t\\_${runId}\\_%`, template],
    );
    for (const row of leftovers.rows) {
      await cleanup.query(`drop database if exists "${row.datname}" with (force)`).catch(() => undefined);
    }
    await cleanup.end();
    await pooler?.close();
    await stop();
  };
}

async function startPoolerIfAsked(mode: string | undefined, baseUrl: string) {
  if (!mode) return null;
  if (mode !== "1" && mode !== "named") throw new Error(`PGBOUNCER must be 1 or named, got ${mode}`);
  const bouncer = await startPgBouncer(baseUrl);
  console.log(`[pgbouncer] ${bouncer.version} in transaction mode at ${bouncer.url} (PGBOUNCER=${mode})`);
  const flag = mode === "1" ? "?pgbouncer=true" : "";
  return { url: `${bouncer.url}${flag}`, close: bouncer.close };
}

async function assertReachable(url: string, name: string) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query("select 1");
  } catch (error) {
    throw new Error(`${name} is set but PostgreSQL is unreachable at it: ${(error as Error).message}`, {
      cause: error,
    });
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function assertRedisReachable(url: string) {
  const { connectRedis } = await import("../../web/server/queues/redis-connection.ts");
  const redis = connectRedis(url, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 5000 });
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new Error(`REDIS_URL is set but Redis is unreachable at it: ${(error as Error).message}`, {
      cause: error,
    });
  } finally {
    redis.disconnect();
  }
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseBaseUrl: string;
    templateDatabase: string;
    runId: string;
    redisUrl: string;
    /** Set by PGBOUNCER=1|named: the pooler's URL (any database name), else "". */
    databasePoolerUrl: string;
  }
}

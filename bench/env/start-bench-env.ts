import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Redis } from "ioredis";
import pg from "pg";
import { migrateDatabase } from "../../web/server/db/migrate-database.ts";
import { startEmbeddedPostgres } from "../../web/server/db/start-embedded-postgres.ts";

export const BENCH_API_KEY = "bench-api-key";
export const BENCH_API_SECRET = "bench-api-secret-0123456789";

export type BenchEnv = {
  databaseUrl: string;
  redisUrl: string | undefined;
  /** Queue namespace of this run (Redis key prefix or PostgreSQL schema). */
  prefix: string;
  /** How the services were chosen, said in the output. */
  services: { database: string; queue: string };
  versions: { postgres: string; redis: string | null };
  /** The environment a web or worker process of the app would read. */
  appEnv(extra?: Record<string, string>): Record<string, string>;
  close(): Promise<void>;
};

/**
 * A fresh, migrated database for the run: created on DATABASE_URL's server when set, else in an
 * embedded PostgreSQL. Redis when REDIS_URL is set (keys under a run prefix), else BullMQ's
 * PostgreSQL backend. Everything is removed on close.
 */
export async function startBenchEnv(input: { databaseUrl?: string; redisUrl?: string }): Promise<BenchEnv> {
  const suffix = crypto.randomBytes(4).toString("hex");
  let baseUrl = input.databaseUrl;
  let stopEmbedded = async () => undefined as void;
  if (!baseUrl) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bh-bench-pg-"));
    const embedded = await startEmbeddedPostgres({ dataDir, database: "postgres", persistent: false });
    baseUrl = embedded.url;
    stopEmbedded = async () => {
      await embedded.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    };
  }
  const name = `bh_bench_${suffix}`;
  await adminQuery(baseUrl, `create database ${name}`);
  const databaseUrl = withDatabase(baseUrl, name);
  await migrateDatabase(databaseUrl);
  const postgres = (await adminQuery(databaseUrl, "show server_version"))[0]?.server_version ?? "?";
  const prefix = `bench${suffix}`;
  const redisVersion = input.redisUrl ? await readRedisVersion(input.redisUrl) : null;
  return {
    databaseUrl,
    redisUrl: input.redisUrl,
    prefix,
    services: {
      database: input.databaseUrl ? "PostgreSQL at DATABASE_URL" : "embedded PostgreSQL (DATABASE_URL unset)",
      queue: input.redisUrl ? "BullMQ on Redis at REDIS_URL" : "BullMQ PostgreSQL backend (REDIS_URL unset)",
    },
    versions: { postgres, redis: redisVersion },
    appEnv: (extra = {}) => ({
      NODE_ENV: "test",
      SHOPIFY_API_KEY: BENCH_API_KEY,
      SHOPIFY_API_SECRET: BENCH_API_SECRET,
      DATABASE_URL: databaseUrl,
      ...(input.redisUrl ? { REDIS_URL: input.redisUrl } : {}),
      LOG_LEVEL: "silent",
      ...extra,
    }),
    close: async () => {
      if (input.redisUrl) await deleteRedisPrefix(input.redisUrl, `{${prefix}}`);
      await adminQuery(baseUrl, `drop database if exists ${name} with (force)`).catch(() => undefined);
      await stopEmbedded();
    },
  };
}

async function adminQuery(url: string, sql: string): Promise<Record<string, string>[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as Record<string, string>[];
  } finally {
    await client.end();
  }
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function readRedisVersion(url: string): Promise<string> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    const info = await redis.info("server");
    return /redis_version:(\S+)/.exec(info)?.[1] ?? "?";
  } finally {
    redis.disconnect();
  }
}

/** Removes this run's queue keys (a bench may leave a million jobs behind). */
export async function deleteRedisPrefix(url: string, keyPrefix: string): Promise<number> {
  const redis = new Redis(url, { maxRetriesPerRequest: 3 });
  let deleted = 0;
  try {
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${keyPrefix}*`, "COUNT", 1000);
      cursor = next;
      if (keys.length > 0) deleted += await redis.unlink(...keys);
    } while (cursor !== "0");
    return deleted;
  } finally {
    redis.disconnect();
  }
}

import crypto from "node:crypto";
import type { AddressInfo } from "node:net";
import { createServer, type Server } from "node:http";
import { pino } from "pino";
import { inject } from "vitest";
import { createQueues } from "../../web/server/queues/create-queues.ts";
import { createQueueBackend } from "../../web/server/queues/queue-backend.ts";
import { createWorker, type RunningWorker } from "../../jobs/create-worker.ts";
import type { JobHandler } from "../../jobs/job-handlers-type.ts";
import type { AppDeps } from "../../web/server/app-deps.ts";
import { createWebListener } from "../../web/server/web-listener.ts";
import { loadConfig, type Config } from "../../web/server/config.ts";
import { createPrisma } from "../../web/server/db/create-prisma.ts";
import { createSqlPool } from "../../web/server/db/create-sql-pool.ts";
import { createRenderPool } from "../../web/server/emails/render/render-pool.ts";
import { createMetrics } from "../../web/server/metrics/create-metrics.ts";
import { createShopify } from "../../web/server/shopify/create-shopify.ts";
import { createTestDatabase } from "./test-database.ts";

export const TEST_API_KEY = "test-api-key";
export const TEST_API_SECRET = "test-api-secret-0123456789";

export type TestApp = {
  url: string;
  config: Config;
  deps: AppDeps;
  workerDeps: AppDeps;
  databaseUrl: string;
  startWorker: (opts?: {
    concurrency?: number;
    schedule?: boolean;
    /** Replaces the app's job handlers (e.g. one that fails a job the way the queue would). */
    handlers?: readonly JobHandler[];
  }) => Promise<RunningWorker>;
  close: () => Promise<void>;
};

/**
 * The web app on a random port with its own database and queue namespace, on the backend the run
 * uses (Redis when REDIS_URL is set, BullMQ's PostgreSQL backend otherwise).
 */
export async function startTestApp(
  opts: { env?: Record<string, string>; now?: () => Date } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const redisUrl = inject("redisUrl") || undefined;
  const config = loadConfig({
    NODE_ENV: "test",
    SHOPIFY_API_KEY: TEST_API_KEY,
    SHOPIFY_API_SECRET: TEST_API_SECRET,
    DATABASE_URL: database.url,
    DIRECT_URL: database.directUrl,
    ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
    LOG_LEVEL: "silent",
    ...opts.env,
  });
  const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" });
  const db = createPrisma(database.url, { poolSize: 5 });
  const sql = createSqlPool(database.url, { max: 5 });
  const prefix = `t${crypto.randomBytes(4).toString("hex")}`;
  const queues = createQueues(
    createQueueBackend({ redisUrl: config.redisUrl, databaseUrl: database.directUrl, prefix }),
  );
  const deps: AppDeps = {
    config,
    db,
    sql,
    queues,
    logger,
    metrics: createMetrics(),
    shopify: createShopify(config, logger),
    // Tests check rendering, not priority: a nice thread on a loaded machine could miss its budget.
    renderPool: createRenderPool({ niceIncrement: 0 }),
    now: opts.now ?? (() => new Date()),
  };
  // One deps type for both processes: the test's worker shares the web side's.
  const workerDeps = deps;
  const server: Server = await new Promise((resolve) => {
    const s = createServer(createWebListener(deps)).listen(0, "127.0.0.1", () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const workers: RunningWorker[] = [];
  return {
    url,
    config,
    deps,
    workerDeps,
    databaseUrl: database.url,
    startWorker: async (o = {}) => {
      const worker = await createWorker(workerDeps, {
        concurrency: o.concurrency ?? 5,
        schedule: o.schedule ?? false,
        ...(o.handlers ? { handlers: o.handlers } : {}),
      });
      workers.push(worker);
      return worker;
    },
    close: async () => {
      await Promise.all(workers.map((w) => w.close()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await queues.close();
      await deps.renderPool.close();
      await db.$disconnect();
      await sql.end();
      await database.drop();
    },
  };
}

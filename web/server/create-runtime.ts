import { createQueueBackend } from "./queues/queue-backend.ts";
import { createQueues, type Queues } from "./queues/create-queues.ts";
import type { Config } from "./config.ts";
import { createPrisma, type Db } from "./db/create-prisma.ts";
import { createSqlPool, type SqlPool } from "./db/create-sql-pool.ts";
import { resolveDatabase } from "./db/resolve-database.ts";
import { createLogger, type Logger } from "./logger.ts";
import { createRenderPool, type RenderPool } from "./emails/render/render-pool.ts";
import { createMetrics, type Metrics } from "./metrics/create-metrics.ts";
import { createShopify, type ShopifyApis } from "./shopify/create-shopify.ts";

export type Runtime = {
  config: Config;
  logger: Logger;
  db: Db;
  sql: SqlPool;
  databaseUrl: string;
  queues: Queues;
  metrics: Metrics;
  shopify: ShopifyApis;
  renderPool: RenderPool;
  now: () => Date;
  close: () => Promise<void>;
};

/** Builds what both processes share: database (embedded when no DATABASE_URL), queues, Shopify. */
export async function createRuntime(
  config: Config,
  opts: { name: string; migrate: boolean },
): Promise<Runtime> {
  const logger = createLogger({ level: config.logLevel, name: opts.name });
  const database = await resolveDatabase(config, {
    migrate: opts.migrate,
    onLog: (line) => logger.debug({ component: "embedded-postgres" }, line),
  });
  if (database.embedded) logger.info({ url: redact(database.url) }, "using embedded PostgreSQL");
  const db = createPrisma(database.url);
  // The web process records every webhook through this pool: more connections share commit flushes.
  const sql = createSqlPool(database.url, { max: opts.name === "web" ? 24 : 10 });
  // BullMQ's PostgreSQL backend LISTENs: a session a transaction-mode pooler cannot keep.
  const queues = createQueues(
    createQueueBackend({ redisUrl: config.redisUrl, databaseUrl: database.directUrl }),
  );
  logger.info({ backend: queues.backend.kind }, "queue backend");
  // Email templates render in threads: a slow template never blocks this process's event loop.
  const renderPool = createRenderPool({
    // The web process answers Shopify and /healthz first; in a worker, rendering is the work.
    niceIncrement: opts.name === "web" ? 10 : 0,
    onKill: (info) => logger.warn(info, "email render overran its budget; render thread terminated"),
  });
  return {
    config,
    logger,
    db,
    sql,
    databaseUrl: database.url,
    queues,
    // The web process also exports state gauges (backorders, subscriptions, queue depth) at scrape time.
    metrics: createMetrics(opts.name === "web" ? { state: { db, queues } } : {}),
    shopify: createShopify(config, logger),
    renderPool,
    now: () => new Date(),
    close: async () => {
      await renderPool.close();
      await queues.close();
      await db.$disconnect();
      await sql.end();
      await database.stop();
    },
  };
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]+@/, "//$1:***@");
}

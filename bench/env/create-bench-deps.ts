import { pino } from "pino";
import { createQueueBackend } from "../../web/server/queues/queue-backend.ts";
import { createQueues } from "../../web/server/queues/create-queues.ts";
import { loadConfig } from "../../web/server/config.ts";
import { createPrisma } from "../../web/server/db/create-prisma.ts";
import { createSqlPool } from "../../web/server/db/create-sql-pool.ts";
import { createRenderPool } from "../../web/server/emails/render/render-pool.ts";
import { createMetrics } from "../../web/server/metrics/create-metrics.ts";
import { createMailer } from "../../web/server/notifications/create-mailer.ts";
import { createShopify } from "../../web/server/shopify/create-shopify.ts";
import type { AppDeps } from "../../web/server/app-deps.ts";

/** What a bench process needs to build the app's own deps: the env the app would read, and a queue prefix. */
export type BenchDepsInput = {
  env: Record<string, string>;
  databaseUrl: string;
  prefix: string;
  poolSize?: number;
  mailConnections?: number;
};

export type BenchDeps = AppDeps & { close: () => Promise<void> };

/** The same factories main-web/main-worker use, on the bench database, with pino silent. */
export function createBenchDeps(input: BenchDepsInput): BenchDeps {
  const config = loadConfig({ ...input.env, LOG_LEVEL: "silent" });
  const logger = pino({ level: "silent" });
  const db = createPrisma(input.databaseUrl, { poolSize: input.poolSize ?? 10 });
  const sql = createSqlPool(input.databaseUrl, { max: input.poolSize ?? 10 });
  const queues = createQueues(
    createQueueBackend({ redisUrl: config.redisUrl, databaseUrl: input.databaseUrl, prefix: input.prefix }),
  );
  const mailer = config.smtpUrl
    ? createMailer(config, { maxConnections: input.mailConnections ?? 5, socketTimeoutMs: 30_000 })
    : undefined;
  const renderPool = createRenderPool({ niceIncrement: 0 });
  return {
    config,
    db,
    sql,
    queues,
    logger,
    metrics: createMetrics(),
    shopify: createShopify(config, logger),
    renderPool,
    now: () => new Date(),
    ...(mailer ? { mailer } : {}),
    close: async () => {
      mailer?.close();
      await queues.close();
      await renderPool.close();
      await db.$disconnect();
      await sql.end();
    },
  };
}

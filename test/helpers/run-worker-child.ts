// A worker in its own process, for tests that kill it (SIGKILL) or measure its memory.
// Env: SHOPIFY_API_KEY/SECRET, DATABASE_URL, REDIS_URL (optional), QUEUE_PREFIX, SMTP_URL,
// SHOPIFY_ADMIN_ORIGIN, CONCURRENCY.
// Prints JSON lines on stdout: {"ready":true} once running, then {"rss":bytes} every 200 ms.
import { pino } from "pino";
import { createQueues } from "../../web/server/queues/create-queues.ts";
import { createWorker } from "../../jobs/create-worker.ts";
import { createQueueBackend } from "../../web/server/queues/queue-backend.ts";
import { loadConfig } from "../../web/server/config.ts";
import { createPrisma } from "../../web/server/db/create-prisma.ts";
import { createSqlPool } from "../../web/server/db/create-sql-pool.ts";
import { createRenderPool } from "../../web/server/emails/render/render-pool.ts";
import { createMetrics } from "../../web/server/metrics/create-metrics.ts";
import { createMailer } from "../../web/server/notifications/create-mailer.ts";
import { createShopify } from "../../web/server/shopify/create-shopify.ts";

const env = process.env;
const config = loadConfig({
  NODE_ENV: "test",
  SHOPIFY_API_KEY: env.SHOPIFY_API_KEY,
  SHOPIFY_API_SECRET: env.SHOPIFY_API_SECRET,
  DATABASE_URL: env.DATABASE_URL,
  REDIS_URL: env.REDIS_URL ?? "",
  SMTP_URL: env.SMTP_URL,
  SHOPIFY_ADMIN_ORIGIN: env.SHOPIFY_ADMIN_ORIGIN ?? "",
  LOG_LEVEL: "silent",
});
// Logs go to stderr: stdout carries the JSON lines the parent reads.
const logger = pino({ level: env.TEST_LOG_LEVEL ?? "silent" }, pino.destination(2));
const db = createPrisma(config.databaseUrl!, { poolSize: 10 });
const queues = createQueues(
  createQueueBackend({
    redisUrl: config.redisUrl,
    databaseUrl: config.databaseUrl!,
    prefix: env.QUEUE_PREFIX!,
  }),
);
const mailer = createMailer(config, {
  socketTimeoutMs: 2_000,
  maxConnections: Number(env.CONCURRENCY ?? 10),
});
const deps = {
  config,
  db,
  sql: createSqlPool(config.databaseUrl!, { max: 5 }),
  queues,
  logger,
  metrics: createMetrics(),
  shopify: createShopify(config, logger),
  renderPool: createRenderPool({ niceIncrement: 0 }),
  mailer,
  now: () => new Date(),
};
await createWorker(deps, { concurrency: Number(env.CONCURRENCY ?? 10), schedule: false });
const report = () => process.stdout.write(`${JSON.stringify({ rss: process.memoryUsage().rss })}\n`);
report(); // the baseline, before any job
process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
setInterval(report, 200);

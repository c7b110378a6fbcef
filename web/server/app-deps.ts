import type { Queues } from "./queues/create-queues.ts";
import type { Config } from "./config.ts";
import type { RenderPool } from "./emails/render/render-pool.ts";
import type { Db } from "./db/create-prisma.ts";
import type { SqlPool } from "./db/create-sql-pool.ts";
import type { Logger } from "./logger.ts";
import type { Metrics } from "./metrics/create-metrics.ts";
import type { Mailer } from "./notifications/create-mailer.ts";
import type { ShopifyApis } from "./shopify/create-shopify.ts";

/**
 * What the web process and the workers' job handlers use, built once per process at boot and passed
 * down (no module singletons).
 */
export type AppDeps = {
  config: Config;
  db: Db;
  /** node-postgres for hot paths only; everything else uses `db`. */
  sql: SqlPool;
  queues: Queues;
  logger: Logger;
  metrics: Metrics;
  shopify: ShopifyApis;
  /** Render threads for email templates (preview and validation on the web, sending in workers). */
  renderPool: RenderPool;
  /** The one clock: decisions read the time from here, so tests can set it. */
  now: () => Date;
  /** Outgoing SMTP (pooled), workers only; absent where no mail may be sent: sends wait in the ledger. */
  mailer?: Mailer;
};

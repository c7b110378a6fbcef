import type { Queues } from "../../jobs/create-queues.ts";
import type { Config } from "./config.ts";
import type { RenderPool } from "./emails/render/render-pool.ts";
import type { Db } from "./db/create-prisma.ts";
import type { SqlPool } from "./db/create-sql-pool.ts";
import type { Logger } from "./logger.ts";
import type { Metrics } from "./metrics/create-metrics.ts";
import type { ShopifyApis } from "./shopify/create-shopify.ts";

/** Everything the web process needs, built once at boot and passed down (no module singletons). */
export type AppDeps = {
  config: Config;
  db: Db;
  /** node-postgres for hot paths only; everything else uses `db`. */
  sql: SqlPool;
  queues: Queues;
  logger: Logger;
  metrics: Metrics;
  shopify: ShopifyApis;
  /** Render threads for email templates (preview, validation). */
  renderPool: RenderPool;
};

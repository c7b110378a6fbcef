import type { Config } from "../web/server/config.ts";
import type { Db } from "../web/server/db/create-prisma.ts";
import type { RenderPool } from "../web/server/emails/render/render-pool.ts";
import type { SqlPool } from "../web/server/db/create-sql-pool.ts";
import type { Logger } from "../web/server/logger.ts";
import type { Metrics } from "../web/server/metrics/create-metrics.ts";
import type { Mailer } from "../web/server/notifications/create-mailer.ts";
import type { ShopifyApis } from "../web/server/shopify/create-shopify.ts";
import type { Queues } from "./create-queues.ts";

/** What job handlers may use. Built once per worker process. */
export type WorkerDeps = {
  config: Config;
  db: Db;
  sql: SqlPool;
  queues: Queues;
  logger: Logger;
  metrics: Metrics;
  shopify: ShopifyApis;
  /** Render threads for email templates. */
  renderPool: RenderPool;
  now: () => Date;
  /** Outgoing SMTP (pooled); absent in a worker that must not send mail: sends then wait in the ledger. */
  mailer?: Mailer;
};

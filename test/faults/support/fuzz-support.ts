import { pino } from "pino";
import { apiRoutes } from "../../../web/server/api/api-routes.ts";
import type { AppDeps } from "../../../web/server/app-deps.ts";
import { createSqlPool } from "../../../web/server/db/create-sql-pool.ts";
import { loadConfig } from "../../../web/server/config.ts";
import { createRenderPool } from "../../../web/server/emails/render/render-pool.ts";
import { createMetrics } from "../../../web/server/metrics/create-metrics.ts";
import { createShopify } from "../../../web/server/shopify/create-shopify.ts";
import { listRoutes } from "../../admin/helpers/list-api-routes.ts";
import { TEST_API_KEY, TEST_API_SECRET } from "../../helpers/start-test-app.ts";
import type { FaultStack } from "./start-fault-stack.ts";

/** Every route of /api, read from the real router (so a new route is fuzzed without listing it). */
export function listApiRoutes(stack: FaultStack): { method: string; path: string }[] {
  const config = loadConfig({
    NODE_ENV: "test",
    SHOPIFY_API_KEY: TEST_API_KEY,
    SHOPIFY_API_SECRET: TEST_API_SECRET,
  });
  const logger = pino({ level: "silent" });
  const deps: AppDeps = {
    config,
    db: stack.db,
    // Never connects: the routers are only built to read their routes.
    sql: createSqlPool(stack.databaseUrl, { max: 1 }),
    queues: stack.queues,
    logger,
    metrics: createMetrics(),
    shopify: createShopify(config, logger),
    // Starts no thread: nothing is rendered.
    renderPool: createRenderPool(),
    now: () => new Date(),
  };
  const routes = listRoutes(apiRoutes(deps));
  void deps.sql.end();
  void deps.renderPool.close();
  return routes;
}

/** Exact row counts of every table: a rejected request must leave all of them as they were. */
export async function tableCounts(stack: FaultStack): Promise<Record<string, number>> {
  const tables = await stack.db.$queryRaw<{ name: string }[]>`
    select table_name::text as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like '\\_prisma%'
    order by table_name`;
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await stack.db.$queryRawUnsafe<{ n: number }[]>(`select count(*)::int as n from "${name}"`);
    counts[name] = row!.n;
  }
  return counts;
}

/** Header values must be visible ASCII for fetch to send them at all; the rest is what we probe. */
export function headerSafe(value: string): string {
  return value.replace(/[^\x20-\x7e]/g, "?").slice(0, 4000);
}

export type FuzzResult = {
  sent: number;
  statuses: Map<number, number>;
  fiveXx: string[];
};

export const newFuzzResult = (): FuzzResult => ({ sent: 0, statuses: new Map(), fiveXx: [] });

/**
 * Sends requests `lanes` at a time into `result`; any 5xx is kept with what caused it, and each
 * answer goes to `onStatus` (in completion order).
 */
export async function sendAll<R extends { url: string; init: RequestInit; label: string }>(
  requests: readonly R[],
  result: FuzzResult,
  onStatus: (request: R, status: number) => void = () => undefined,
  lanes = 4,
): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < requests.length) {
      const request = requests[next]!;
      next += 1;
      const res = await fetch(request.url, { ...request.init, redirect: "manual" });
      const text = await res.text();
      result.sent += 1;
      result.statuses.set(res.status, (result.statuses.get(res.status) ?? 0) + 1);
      if (res.status >= 500) result.fiveXx.push(`${res.status} ${request.label}: ${text.slice(0, 200)}`);
      onStatus(request, res.status);
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
}

/** Header lines an attacker tried to smuggle into an email through a field. */
export function injectedHeaderLines(headers: string): string[] {
  return headers.split(/\r?\n/).filter((line) => /^(bcc|cc|x-injected|subject:\s*injected)/i.test(line));
}

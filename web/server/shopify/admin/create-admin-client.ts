import { UnrecoverableError } from "bullmq";
import type { Config } from "../../config.ts";
import type { Db } from "../../db/create-prisma.ts";
import type { Logger } from "../../logger.ts";
import type { ShopifyApis } from "../create-shopify.ts";
import { offlineSessionStorage } from "../sessions/offline-session-storage.ts";
import { classifyAdminError } from "./classify-admin-error.ts";
import { computeThrottleWait } from "./compute-throttle-wait.ts";

export type AdminClientDeps = {
  db: Db;
  config: Pick<Config, "tokenKeys">;
  shopify: ShopifyApis;
  logger: Logger;
};

export type AdminClient = {
  shopDomain: string;
  /** Resolves with `data`; waits out throttling; UnrecoverableError when the shop cannot be called. */
  request<T>(document: string, variables?: Record<string, unknown>): Promise<T>;
};

export type AdminClientOptions = {
  sleep?: (ms: number) => Promise<void>;
  /** Spread retries of concurrent jobs that were throttled together. */
  jitter?: () => number;
};

/**
 * Admin GraphQL for one shop with its offline session. Throttling is never an error: the call
 * sleeps until the bucket holds the requested cost (from extensions.cost) and tries again, so no
 * job ever fails because of THROTTLED or HTTP 429.
 */
export async function createAdminClient(
  deps: AdminClientDeps,
  shopDomain: string,
  opts: AdminClientOptions = {},
): Promise<AdminClient> {
  const api = deps.shopify.api;
  const session = await offlineSessionStorage(deps).loadSession(api.session.getOfflineId(shopDomain));
  if (!session?.accessToken) throw new UnrecoverableError(`no offline session for ${shopDomain}`);
  const client = new api.clients.Graphql({ session });
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const jitter = opts.jitter ?? (() => Math.floor(Math.random() * 100));

  return {
    shopDomain,
    async request<T>(document: string, variables?: Record<string, unknown>): Promise<T> {
      for (let attempt = 1; ; attempt++) {
        try {
          const response = await client.request(document, variables ? { variables } : {});
          return response.data as T;
        } catch (error) {
          const verdict = classifyAdminError(error);
          if (verdict.kind === "transient") throw error;
          if (verdict.kind === "permanent") {
            throw new UnrecoverableError(
              `Admin API ${verdict.status ?? ""} for ${shopDomain}: ${(error as Error).message}`,
            );
          }
          const waitMs = computeThrottleWait(verdict.cost, verdict.retryAfterSeconds) + jitter();
          deps.logger.debug({ shop: shopDomain, attempt, waitMs }, "admin api throttled; waiting");
          await sleep(waitMs);
        }
      }
    },
  };
}

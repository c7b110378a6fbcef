// One web process: HTTP only. Never sends mail; its one inline Admin API call is the bounded
// look-up of a variant a storefront signup names before the app has synced it. Run directly
// (WEB_CONCURRENCY unset or 1) or as a child of the cluster primary (cluster/run-web-primary.ts).
import { createServer, type Server } from "node:http";
import type { Config } from "./config.ts";
import { createRuntime } from "./create-runtime.ts";
import { startMetricsServer } from "./ops/start-metrics-server.ts";
import { reencryptOfflineTokens } from "./shopify/sessions/reencrypt-offline-tokens.ts";
import { onShutdown } from "./shutdown.ts";
import { createWebListener } from "./web-listener.ts";

export async function startWeb(config: Config): Promise<void> {
  // Several children migrate at once safely: migrate-database.ts holds an advisory lock.
  const runtime = await createRuntime(config, { name: "web", migrate: true });
  // Tokens stored in plain text or under the previous key move to the current key (see
  // docs/operations.md); each row is rewritten only if unchanged, so children may race here.
  const { rewritten } = await reencryptOfflineTokens(runtime);
  if (rewritten > 0) runtime.logger.info({ rewritten }, "offline tokens re-encrypted with the current key");
  const server: Server = createServer(createWebListener({ ...runtime })).listen(config.port, () => {
    runtime.logger.info({ port: config.port, url: config.appUrl }, "web listening");
  });
  server.keepAliveTimeout = 65_000;
  // The ops listener: /metrics for the scraper, never on the public port without credentials.
  // Under the cluster primary the children share it too, so a scrape reads one child's registry.
  const metricsServer =
    config.metricsPort === undefined
      ? null
      : await startMetricsServer({
          port: config.metricsPort,
          metrics: runtime.metrics,
          logger: runtime.logger,
        });
  onShutdown(runtime.logger, async () => {
    // Stop accepting, let in-flight requests finish, then close queues and the database.
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await metricsServer?.close();
    await runtime.close();
  });
}

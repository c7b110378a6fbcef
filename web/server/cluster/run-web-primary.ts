import cluster, { type Worker } from "node:cluster";
import { once } from "node:events";
import type { Config } from "../config.ts";
import { resolveDatabase } from "../db/resolve-database.ts";
import { createLogger } from "../logger.ts";
import { onShutdown } from "../shutdown.ts";
import { RESTART_WINDOW_MS, restartDelayMs } from "./restart-delay.ts";

/** Longer than a child's own shutdown grace (shutdown.ts, 25 s), so children finish first. */
const PRIMARY_GRACE_MS = 30_000;

/**
 * The cluster primary of WEB_CONCURRENCY web processes (docs/operations.md). It serves nothing
 * itself: it forks `processes` children that all listen on PORT (node:cluster hands connections
 * out round-robin), replaces a child that exits unasked (restart-delay.ts), and on SIGTERM/SIGINT
 * passes SIGTERM to every child, waits for each to drain and exit, then exits. Without
 * DATABASE_URL the embedded PostgreSQL is started here, once, and its URL given to the children.
 */
export async function runWebPrimary(config: Config): Promise<void> {
  const processes = config.webConcurrency;
  const logger = createLogger({ level: config.logLevel, name: "web-primary" });
  const database = await resolveDatabase(config, {
    migrate: true,
    onLog: (line) => logger.debug({ component: "embedded-postgres" }, line),
  });
  const env: Record<string, string> = database.embedded ? { DATABASE_URL: database.url } : {};
  let stopping = false;
  let crashes: number[] = [];

  const fork = (): Worker => {
    const child = cluster.fork(env);
    logger.info({ child: child.process.pid }, "web child started");
    return child;
  };

  cluster.on("exit", (child, code, signal) => {
    if (stopping) return;
    const now = Date.now();
    crashes = [...crashes.filter((t) => now - t < RESTART_WINDOW_MS), now];
    const restartInMs = restartDelayMs(crashes, now);
    logger.error({ child: child.process.pid, code, signal, restartInMs }, "web child exited; replacing it");
    setTimeout(() => {
      if (!stopping) fork();
    }, restartInMs).unref();
  });

  for (let i = 0; i < processes; i += 1) fork();
  logger.info({ processes, port: config.port }, "web primary running");

  onShutdown(
    logger,
    async () => {
      stopping = true;
      const children = Object.values(cluster.workers ?? {}).filter((c): c is Worker => c !== undefined);
      await Promise.all(
        children.map(async (child) => {
          if (child.isDead()) return;
          const exited = once(child, "exit");
          child.process.kill("SIGTERM");
          await exited;
        }),
      );
      logger.info({ children: children.length }, "web children stopped");
      await database.stop();
    },
    PRIMARY_GRACE_MS,
  );
}

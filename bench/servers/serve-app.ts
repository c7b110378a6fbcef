// Child process: the app's own HTTP server (createApp) with real deps on the bench database.
import type { AddressInfo } from "node:net";
import { createApp } from "../../web/server/app.ts";
import { createBenchDeps, type BenchDepsInput } from "../env/create-bench-deps.ts";
import { childArg, onStop, sendReady } from "../proc/fork-child.ts";

const deps = createBenchDeps(childArg<BenchDepsInput>());
const server = createApp(deps).listen(0, "127.0.0.1", () => {
  sendReady({ port: (server.address() as AddressInfo).port });
});
onStop(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await deps.close();
});

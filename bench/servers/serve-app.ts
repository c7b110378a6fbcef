// Child process: the app's own HTTP server (createWebListener) with real deps on the bench database.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createWebListener } from "../../web/server/web-listener.ts";
import { createBenchDeps, type BenchDepsInput } from "../env/create-bench-deps.ts";
import { childArg, onStop, sendReady } from "../proc/fork-child.ts";

const deps = createBenchDeps(childArg<BenchDepsInput>());
const server = createServer(createWebListener(deps)).listen(0, "127.0.0.1", () => {
  sendReady({ port: (server.address() as AddressInfo).port });
});
onStop(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await deps.close();
});

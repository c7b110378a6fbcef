// The worker process: BullMQ workers for every queue. Run as many as you like.
import { loadConfig } from "../web/server/config.ts";
import { createRuntime } from "../web/server/create-runtime.ts";
import { onShutdown } from "../web/server/shutdown.ts";
import { createWorker } from "./create-worker.ts";

const config = loadConfig();
const runtime = await createRuntime(config, { name: "worker", migrate: true });
const worker = await createWorker({ ...runtime, now: () => new Date() });
runtime.logger.info({ concurrency: config.workerConcurrency }, "worker running");
onShutdown(runtime.logger, async () => {
  // Workers finish their active jobs before closing; unfinished ones are recovered as stalled.
  await worker.close();
  await runtime.close();
});

// Child process: the app's worker (createWorker with every job handler) on the bench database,
// with a pooled mailer when SMTP_URL is in its env. Several may run side by side.
import type { QueueName } from "../../jobs/definitions/define-job.ts";
import { createWorker } from "../../jobs/create-worker.ts";
import { createBenchDeps, type BenchDepsInput } from "../env/create-bench-deps.ts";
import { childArg, onStop, sendReady } from "../proc/fork-child.ts";

export type BenchWorkerArg = BenchDepsInput & { concurrency: number; queues?: QueueName[] };

const arg = childArg<BenchWorkerArg>();
const deps = createBenchDeps(arg);
const worker = await createWorker(deps, {
  concurrency: arg.concurrency,
  schedule: false,
  ...(arg.queues ? { queues: arg.queues } : {}),
});
await Promise.all(worker.workers.map((w) => w.waitUntilReady()));
sendReady({ pid: process.pid });
onStop(async () => {
  await worker.close();
  await deps.close();
});

// Child process: the app's worker (createWorker with every job handler) on the bench database,
// with a pooled mailer when SMTP_URL is in its env. Several may run side by side.
import type { QueueName } from "../../web/server/queues/definitions/define-job.ts";
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
// The measurement is over when the harness stops a worker: jobs still running (a run that hit its
// bound) are not waited for, so the process exits in the grace period and --cpu-prof gets written.
onStop(async () => {
  await Promise.race([worker.close(), new Promise((resolve) => setTimeout(resolve, 3_000))]);
  await Promise.race([deps.close(), new Promise((resolve) => setTimeout(resolve, 2_000))]);
});

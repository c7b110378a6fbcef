// The web entry (`npm start`): one process serving HTTP, or with WEB_CONCURRENCY > 1 a cluster
// primary that runs that many of them on the same port (docs/operations.md).
import cluster from "node:cluster";
import os from "node:os";
import { runWebPrimary } from "./cluster/run-web-primary.ts";
import { parseWebConcurrency } from "./cluster/web-concurrency.ts";
import { startWeb } from "./start-web.ts";

const concurrency = parseWebConcurrency(process.env.WEB_CONCURRENCY, os.availableParallelism());
if (!concurrency.ok) {
  console.error(concurrency.error);
  process.exit(1);
}
if (cluster.isPrimary && concurrency.processes > 1) await runWebPrimary(concurrency.processes);
else await startWeb();

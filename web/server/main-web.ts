// The web entry (`npm start`): one process serving HTTP, or with WEB_CONCURRENCY > 1 a cluster
// primary that runs that many of them on the same port (docs/operations.md).
import cluster from "node:cluster";
import { runWebPrimary } from "./cluster/run-web-primary.ts";
import { loadConfig } from "./config.ts";
import { startWeb } from "./start-web.ts";

const config = loadConfig();
if (cluster.isPrimary && config.webConcurrency > 1) await runWebPrimary(config);
else await startWeb(config);

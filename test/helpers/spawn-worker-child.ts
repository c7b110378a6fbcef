import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import type { TestApp } from "./start-test-app.ts";
import { TEST_API_KEY, TEST_API_SECRET } from "./start-test-app.ts";

export type WorkerChild = {
  process: ChildProcess;
  /** Highest RSS the child reported, in bytes. */
  peakRss(): number;
  /** RSS when the worker had just started (before any job), in bytes. */
  baselineRss(): number;
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** The child's last log lines (warn and above unless TEST_LOG_LEVEL says otherwise), for a failure's message. */
  logTail(): string[];
};

const LOG_TAIL_LINES = 40;

/** The queue namespace of the test app (Redis key prefix or PostgreSQL schema). */
export function queuePrefixOf(app: TestApp): string {
  const queue = app.deps.queues.get("email") as unknown as {
    opts: { prefix?: string; connection?: { schema?: string } };
  };
  const prefix = app.deps.queues.backend.kind === "redis" ? queue.opts.prefix : queue.opts.connection?.schema;
  if (!prefix) throw new Error("cannot find the test app's queue prefix");
  return prefix.replace(/^\{(.*)\}$/, "$1");
}

/** Starts test/helpers/run-worker-child.ts against the app's database and queues. */
export async function spawnWorkerChild(
  app: TestApp,
  opts: { smtpUrl: string; concurrency: number },
): Promise<WorkerChild> {
  const child = spawn(process.execPath, [new URL("./run-worker-child.ts", import.meta.url).pathname], {
    env: {
      PATH: process.env.PATH,
      SHOPIFY_API_KEY: TEST_API_KEY,
      SHOPIFY_API_SECRET: TEST_API_SECRET,
      DATABASE_URL: app.databaseUrl,
      ...(app.config.redisUrl ? { REDIS_URL: app.config.redisUrl } : {}),
      QUEUE_PREFIX: queuePrefixOf(app),
      SMTP_URL: opts.smtpUrl,
      ...(app.config.adminOrigin ? { SHOPIFY_ADMIN_ORIGIN: app.config.adminOrigin } : {}),
      CONCURRENCY: String(opts.concurrency),
      TEST_LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "warn",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  // The child's logs are kept (the last lines) to explain a failure, and shown as they come only
  // when TEST_LOG_LEVEL asks for them.
  const tail: string[] = [];
  let partial = "";
  child.stderr!.on("data", (chunk: Buffer) => {
    if (process.env.TEST_LOG_LEVEL) process.stderr.write(chunk);
    const lines = (partial + chunk.toString("utf8")).split("\n");
    partial = lines.pop() ?? "";
    tail.push(...lines.filter((line) => line.length > 0).map((line) => line.slice(0, 600)));
    if (tail.length > LOG_TAIL_LINES) tail.splice(0, tail.length - LOG_TAIL_LINES);
  });
  let peak = 0;
  let baseline = 0;
  let buffered = "";
  const ready = new Promise<void>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`worker child exited early (${code})`)));
    child.stdout!.on("data", (chunk: Buffer) => {
      buffered += chunk.toString("utf8");
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      for (const line of lines) {
        const message = JSON.parse(line) as { ready?: boolean; rss?: number };
        if (message.ready) resolve();
        if (message.rss) peak = Math.max(peak, message.rss);
        if (message.rss && baseline === 0) baseline = message.rss;
      }
    });
  });
  await ready;
  return {
    process: child,
    peakRss: () => peak,
    baselineRss: () => baseline,
    logTail: () => [...tail, ...(partial ? [partial.slice(0, 600)] : [])],
    kill: async (signal = "SIGTERM") => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, "exit");
      child.kill(signal);
      await exited;
    },
  };
}

import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

export type DevProcess = {
  urls: Record<"storefront" | "console" | "admin" | "mail" | "app", string>;
  simulatorOrigin: string;
  /** From spawning `node web/dev.ts` to its printed URLs. */
  startMs: number;
  postgresPid: number;
  output: () => string;
  stop: () => Promise<number | null>;
};

const LABELS = {
  Storefront: "storefront",
  "Shop console": "console",
  "Embedded admin": "admin",
  "Mail catcher": "mail",
  App: "app",
} as const;

/**
 * Starts `node web/dev.ts` as `npm run dev` does (the supervisor and its child), on free ports, the
 * embedded database in `dataDir`, and waits for the printed URLs.
 */
export async function startDevProcess(opts: {
  dataDir: string;
  args?: string[];
  timeoutMs?: number;
}): Promise<DevProcess> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "development",
    DATA_DIR: opts.dataDir,
    PORT: "0",
    SIMULATOR_PORT: "0",
    MAIL_PORT: "0",
    SMTP_PORT: "0",
    LOG_LEVEL: process.env.DEV_LOG_LEVEL ?? "info",
  };
  // The playground as a user starts it: no credentials, embedded PostgreSQL, PostgreSQL queues.
  for (const key of [
    "DATABASE_URL",
    "REDIS_URL",
    "SHOPIFY_API_KEY",
    "SHOPIFY_API_SECRET",
    "SMTP_URL",
    "SHOPIFY_APP_URL",
  ])
    delete env[key];
  const started = Date.now();
  const child = spawn(process.execPath, ["web/dev.ts", ...(opts.args ?? [])], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));

  const deadline = started + (opts.timeoutMs ?? 90_000);
  while (!/Ctrl-C stops everything/.test(output)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill("SIGINT");
      throw new Error(`npm run dev did not print its URLs:\n${output.slice(-4000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const startMs = Date.now() - started;
  const urls = {} as DevProcess["urls"];
  for (const [label, key] of Object.entries(LABELS)) {
    const match = new RegExp(`^\\s+${label}\\s+(\\S+)$`, "m").exec(output);
    if (match) urls[key] = match[1]!;
  }
  const pidFile = path.join(opts.dataDir, "postgres", "postmaster.pid");
  return {
    urls,
    simulatorOrigin: new URL(urls.console).origin,
    startMs,
    postgresPid: Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]),
    output: () => output,
    stop: async () => {
      child.kill("SIGINT");
      return exited;
    },
  };
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

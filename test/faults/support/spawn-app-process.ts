import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { FAULTS } from "./fault-settings.ts";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
export const LOG_DIR = path.join(ROOT, "test/artifacts/faults/logs");

const ENTRY = {
  web: { script: "web/server/main-web.ts", ready: "web listening" },
  worker: { script: "jobs/main-worker.ts", ready: "worker running" },
} as const;

export type AppProcess = {
  name: string;
  kind: keyof typeof ENTRY;
  /** Every line the process wrote (stdout and stderr), across restarts. */
  readonly lines: string[];
  readonly pid: number | undefined;
  alive(): boolean;
  /** Exit codes/signals of earlier incarnations that ended without being asked to. */
  readonly unexpectedExits: string[];
  kill(signal?: NodeJS.Signals): Promise<void>;
  start(): Promise<void>;
};

/**
 * `node web/server/main-web.ts` or `node jobs/main-worker.ts` as a real child process, exactly as
 * an operator starts it, with its logs captured (memory + test/artifacts/faults/logs/<name>.log).
 */
export async function spawnAppProcess(opts: {
  name: string;
  kind: keyof typeof ENTRY;
  env: Record<string, string>;
}): Promise<AppProcess> {
  fs.mkdirSync(LOG_DIR, { recursive: true });
  const logFile = fs.createWriteStream(path.join(LOG_DIR, `${opts.name}.log`), { flags: "w" });
  const lines: string[] = [];
  const unexpectedExits: string[] = [];
  let child: ChildProcess | null = null;
  let stopping = false;

  const start = async () => {
    stopping = false;
    const proc = spawn(process.execPath, [ENTRY[opts.kind].script], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? "",
        NODE_ENV: "test",
        ...(FAULTS.nodeOptions ? { NODE_OPTIONS: FAULTS.nodeOptions } : {}),
        ...opts.env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child = proc;
    let resolveReady: () => void = () => undefined;
    const ready = new Promise<void>((resolve) => (resolveReady = resolve));
    const onLine = (line: string) => {
      lines.push(line);
      logFile.write(`${line}\n`);
      if (line.includes(`"msg":"${ENTRY[opts.kind].ready}"`)) resolveReady();
    };
    for (const stream of [proc.stdout!, proc.stderr!]) {
      let buffered = "";
      stream.on("data", (chunk: Buffer) => {
        buffered += chunk.toString("utf8");
        const parts = buffered.split("\n");
        buffered = parts.pop() ?? "";
        for (const part of parts) onLine(part);
      });
    }
    const exited = once(proc, "exit").then(([code, signal]) => {
      if (!stopping) unexpectedExits.push(`${opts.name} exited (${signal ?? code})`);
      throw new Error(
        `${opts.name} exited before it was ready (${signal ?? code}):\n${lines.slice(-20).join("\n")}`,
      );
    });
    exited.catch(() => undefined);
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(
        () => reject(new Error(`${opts.name} not ready in 60 s:\n${lines.slice(-20).join("\n")}`)),
        60_000,
      ).unref(),
    );
    await Promise.race([ready, exited, timeout]);
  };

  await start();
  return {
    name: opts.name,
    kind: opts.kind,
    lines,
    unexpectedExits,
    get pid() {
      return child?.pid;
    },
    alive: () => child !== null && child.exitCode === null && child.signalCode === null,
    async kill(signal = "SIGTERM") {
      const proc = child;
      if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
      stopping = true;
      const exited = once(proc, "exit");
      proc.kill(signal);
      await exited;
    },
    start,
  };
}

import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";

export type ImageProcess = {
  name: string;
  lines: string[];
  /** SIGTERM, then the exit code (null when a signal ended it). */
  stop(): Promise<number | null>;
};

/**
 * One of the image's processes (`node <entry>` in the image's folder), with only the environment it
 * is given: ready when it logs `readyMessage`, failed when it exits first or takes a minute.
 */
export async function spawnImageProcess(opts: {
  name: string;
  command: string[];
  cwd: string;
  env: Record<string, string>;
  readyMessage: string;
  log: (line: string) => void;
}): Promise<ImageProcess> {
  const [command, ...args] = opts.command;
  const child: ChildProcess = spawn(command!, args, {
    cwd: opts.cwd,
    env: opts.env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  let onReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  for (const stream of [child.stdout!, child.stderr!]) {
    let buffered = "";
    stream.on("data", (chunk: Buffer) => {
      buffered += chunk.toString("utf8");
      const parts = buffered.split("\n");
      buffered = parts.pop() ?? "";
      for (const line of parts) {
        lines.push(line);
        opts.log(`[${opts.name}] ${line}`);
        if (line.includes(`"msg":"${opts.readyMessage}"`)) onReady();
      }
    });
  }
  const exited = once(child, "exit") as Promise<[number | null, NodeJS.Signals | null]>;
  const early = exited.then(([code, signal]) => {
    throw new Error(`${opts.name} exited before it was ready (${signal ?? code})`);
  });
  early.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${opts.name} not ready in 60 s`)), 60_000);
  });
  try {
    await Promise.race([ready, early, timeout]);
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  } finally {
    clearTimeout(timer);
  }
  return {
    name: opts.name,
    lines,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill("SIGTERM");
      const [code] = await exited;
      return code;
    },
  };
}

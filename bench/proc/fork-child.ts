import { fork, type ChildProcess } from "node:child_process";
import fs from "node:fs";

export type Child<Ready = unknown> = {
  pid: number;
  ready: Ready;
  process: ChildProcess;
  /** Resident set now and the peak so far (VmHWM), in MB; null where /proc is not available. */
  memory(): { rssMb: number; peakMb: number } | null;
  /** Asks the child to stop (message "stop"), then kills it after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
};

/**
 * Forks a bench script (Node strips the types) with a JSON argument and waits for its first IPC
 * message `{ ready }`. A child that exits or reports `{ error }` before that rejects.
 */
export function forkChild<Ready = unknown>(
  script: string,
  arg: unknown,
  opts: { timeoutMs?: number; execArgv?: string[] } = {},
): Promise<Child<Ready>> {
  const child = fork(script, [JSON.stringify(arg)], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
    execArgv: opts.execArgv ?? [],
    serialization: "advanced",
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${script} did not start within ${opts.timeoutMs ?? 60_000} ms`));
    }, opts.timeoutMs ?? 60_000);
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited with ${code} before it was ready`));
    };
    child.once("exit", onExit);
    child.once("message", (message: { ready?: Ready; error?: string }) => {
      clearTimeout(timer);
      child.off("exit", onExit);
      if (message.error !== undefined || message.ready === undefined) {
        child.kill("SIGKILL");
        reject(new Error(`${script}: ${message.error ?? "no ready message"}`));
        return;
      }
      resolve({
        pid: child.pid!,
        ready: message.ready,
        process: child,
        memory: () => readMemory(child.pid!),
        stop: (graceMs = 10_000) => stopChild(child, graceMs),
      });
    });
  });
}

function stopChild(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    // The child may exit between the check and the send: a closed channel then means SIGTERM.
    child.on("error", () => undefined);
    if (child.connected) child.send("stop", (error) => (error ? child.kill("SIGTERM") : undefined));
    else child.kill("SIGTERM");
  });
}

export function readMemory(pid: number): { rssMb: number; peakMb: number } | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN);
    return { rssMb: kb("VmRSS") / 1024, peakMb: kb("VmHWM") / 1024 };
  } catch {
    return null;
  }
}

/** Samples a child's memory every `everyMs` until stopped; returns the peak RSS seen. */
export function watchMemory(children: () => Child[], everyMs = 200) {
  let peak = 0;
  const sample = () => {
    for (const c of children()) {
      const m = c.memory();
      if (m) peak = Math.max(peak, m.rssMb, m.peakMb);
    }
  };
  const timer = setInterval(sample, everyMs);
  return {
    peakMb: () => {
      sample();
      return peak;
    },
    stop: () => {
      sample();
      clearInterval(timer);
      return peak;
    },
  };
}

/** For child scripts: the JSON argument, and a stop handler run on "stop", SIGTERM or SIGINT. */
export function childArg<T>(): T {
  return JSON.parse(process.argv[2] ?? "{}") as T;
}

export function onStop(close: () => Promise<void>): void {
  let stopping = false;
  const run = () => {
    if (stopping) return;
    stopping = true;
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on("message", (m) => {
    if (m === "stop") run();
  });
  process.once("SIGTERM", run);
  process.once("SIGINT", run);
  // The parent died: nothing will ever stop this child otherwise.
  process.once("disconnect", run);
}

export function sendReady(ready: unknown): void {
  process.send?.({ ready });
}

import { spawn } from "node:child_process";
import type { Writable } from "node:stream";

/**
 * Runs the playground in a child process of its own process group. Ctrl-C in a terminal signals
 * the whole foreground group: were PostgreSQL (a child of the playground) in it, it would stop at
 * once under the app still closing. Here only this supervisor hears the terminal; it asks the
 * child to stop, and the child closes everything in order, PostgreSQL last. The child's JSON logs
 * are made readable on the way through (pino-pretty when installed); other lines pass unchanged.
 */
export async function superviseDev(opts: {
  entry: string;
  args: readonly string[];
  startedAt: number;
}): Promise<void> {
  const child = spawn(
    process.execPath,
    [opts.entry, "--supervised", `--started-at=${opts.startedAt}`, ...opts.args],
    { detached: true, stdio: ["ignore", "pipe", "inherit", "ipc"] },
  );
  const out = await prettyStdout();
  child.stdout?.pipe(out);

  let signals = 0;
  const stop = () => {
    signals += 1;
    if (signals === 1) child.kill("SIGINT");
    else if (signals === 2)
      process.stderr.write("\nStill stopping (PostgreSQL saves its data). Ctrl-C again to kill.\n");
    else child.kill("SIGKILL");
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, stop);

  const code = await new Promise<number>((resolve) =>
    child.on("close", (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0))),
  );
  await new Promise<void>((resolve) => (out === process.stdout ? resolve() : out.end(resolve)));
  process.exit(code);
}

async function prettyStdout(): Promise<Writable> {
  try {
    const { default: pretty } = await import("pino-pretty");
    return pretty({
      colorize: Boolean(process.stdout.isTTY),
      ignore: "pid,hostname",
      translateTime: "HH:MM:ss.l",
      destination: 1,
      sync: true,
    });
  } catch {
    return process.stdout;
  }
}

import { fork } from "node:child_process";

/** Forks `script`, sends it `input`, resolves with its `{ result }` message; bounded by `timeoutMs`. */
export function forkLoadChild<I, R>(script: string, input: I, timeoutMs: number): Promise<R> {
  const child = fork(script, [], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
    serialization: "advanced",
  });
  return new Promise<R>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${script} did not finish within ${timeoutMs} ms`));
    }, timeoutMs);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited with ${code} without a result`));
    });
    child.once("message", (message: { result?: R; error?: string }) => {
      clearTimeout(timer);
      if (message.result !== undefined) resolve(message.result);
      else reject(new Error(`${script}: ${message.error ?? "no result"}`));
    });
    child.send(input as object);
  });
}

// WEB_CONCURRENCY (docs/operations.md, "Scaling out"): `npm start` as a cluster primary of several
// web processes on one port, with the fault suite's services.
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findFreePort } from "../../web/server/db/start-embedded-postgres.ts";
import { waitFor } from "../helpers/wait-for.ts";
import { reportFaultRow } from "./support/fault-row.ts";
import { spawnAppProcess, type AppProcess } from "./support/spawn-app-process.ts";
import { stackAppEnv } from "./support/stack-app-env.ts";
import { startFaultStack, type FaultStack } from "./support/start-fault-stack.ts";

let stack: FaultStack;
beforeAll(async () => {
  stack = await startFaultStack({ name: "web-concurrency" });
});
afterAll(async () => {
  await stack?.close();
});

describe("WEB_CONCURRENCY=2", () => {
  type LogLine = { pid?: number; msg?: string; port?: number; child?: number; name?: string };
  const parsed = (proc: AppProcess): LogLine[] =>
    proc.lines.flatMap((line) => {
      try {
        return [JSON.parse(line) as LogLine];
      } catch {
        return [];
      }
    });
  const listening = (proc: AppProcess) =>
    new Set(
      parsed(proc)
        .filter((l) => l.msg === "web listening")
        .map((l) => l.pid!),
    );
  const isAlive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };

  it("runs two web processes on one port, replaces a killed one, and stops all on SIGTERM", async ({
    task,
  }) => {
    const port = await findFreePort();
    const web = await spawnAppProcess({
      name: "multi-web-cluster",
      kind: "web",
      env: { ...stackAppEnv(stack, port), WEB_CONCURRENCY: "2" },
    });
    try {
      const first = await waitFor(
        async () => (listening(web).size >= 2 ? [...listening(web)] : null),
        60_000,
      );
      expect(first).toHaveLength(2);
      expect(first).not.toContain(web.pid);
      const ports = parsed(web)
        .filter((l) => l.msg === "web listening")
        .map((l) => l.port);
      expect(new Set(ports)).toEqual(new Set([port]));
      // A fresh connection per request (no keep-alive): one held open to the child killed below
      // would be reset with it, which is what a client of a crashed process sees, not the subject.
      const health = () =>
        new Promise<number>((resolve, reject) =>
          http
            .get({ host: "127.0.0.1", port, path: "/healthz", agent: false, timeout: 10_000 }, (res) => {
              res.resume();
              resolve(res.statusCode ?? 0);
            })
            .on("timeout", function (this: http.ClientRequest) {
              this.destroy(new Error("no answer in 10 s"));
            })
            .on("error", reject),
        );
      for (let i = 0; i < 6; i += 1) expect(await health()).toBe(200);

      const victim = first[0]!;
      process.kill(victim, "SIGKILL");
      // A connection handed to the child in the instant it dies can be lost with it (the client
      // sees a reset or a timeout, as with any crashed process): this one is reported, not asserted.
      const duringCrash = await health().then(String, (error: Error) => error.message);
      const replacement = await waitFor(async () => {
        const fresh = [...listening(web)].filter((pid) => !first.includes(pid));
        return fresh.length > 0 ? fresh[0]! : null;
      }, 60_000);
      expect(isAlive(victim)).toBe(false);
      expect(web.alive()).toBe(true);
      expect(parsed(web).some((l) => l.msg === "web child exited; replacing it" && l.child === victim)).toBe(
        true,
      );
      for (let i = 0; i < 6; i += 1) expect(await health()).toBe(200);

      const children = [first[1]!, replacement];
      await web.kill("SIGTERM");
      const stoppedBySignal = children.filter(
        (pid) => !isAlive(pid) && parsed(web).some((l) => l.pid === pid && l.msg === "shutting down"),
      );
      reportFaultRow(task, {
        test: "25.3 WEB_CONCURRENCY=2",
        events: 1,
        lost: 0,
        duplicates: 0,
        fiveXx: 0,
        note: `children ${first.join(", ")} on port ${port}; killed ${victim} (a request right then: ${duringCrash}), replaced by ${replacement}; SIGTERM drained ${stoppedBySignal.length} of 2`,
      });
      expect(stoppedBySignal).toEqual(children);
      expect(parsed(web).some((l) => l.msg === "web children stopped")).toBe(true);
    } finally {
      await web.kill("SIGKILL");
    }
  });
});

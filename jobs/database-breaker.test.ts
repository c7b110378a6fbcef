import type { Worker } from "bullmq";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { createDatabaseBreaker } from "./database-breaker.ts";

const down = Object.assign(new Error("Can't reach database server at 127.0.0.1:5432"), { code: "P1001" });

/** Workers that record pause/resume, and a database that is down for the first `downProbes` probes. */
function setup(downProbes: number) {
  const calls: string[] = [];
  const worker = {
    pause: async (doNotWaitActive?: boolean) => void calls.push(`pause(${doNotWaitActive})`),
    resume: () => void calls.push("resume"),
  } as unknown as Worker;
  let probes = 0;
  const sql = {
    query: async () => {
      probes += 1;
      if (probes <= downProbes)
        throw Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
      return { rows: [{ "?column?": 1 }] };
    },
  } as never;
  const breaker = createDatabaseBreaker({ sql, logger: pino({ level: "silent" }) }, () => [worker, worker], {
    probeEveryMs: 5,
  });
  return { breaker, calls, probes: () => probes };
}
const until = async (cond: () => boolean) => {
  for (let i = 0; i < 200 && !cond(); i++) await new Promise((r) => setTimeout(r, 5));
};

describe("database breaker", () => {
  it("pauses the workers when the database is unreachable and resumes them once it answers", async () => {
    const { breaker, calls, probes } = setup(4);
    breaker.check(down);
    breaker.check(down); // the same outage: no second pause
    await until(() => calls.includes("resume"));
    expect(calls).toEqual(["pause(true)", "pause(true)", "resume", "resume"]);
    expect(probes()).toBe(5);
  });

  it("pauses nothing for an error that only looks like the database's, or for other errors", async () => {
    const { breaker, calls, probes } = setup(0);
    breaker.check(down); // the probe answers at once
    breaker.check(new Error("451 try again later"));
    await until(() => probes() >= 1);
    await new Promise((r) => setTimeout(r, 30));
    expect(calls).toEqual([]);
    expect(probes()).toBe(1);
  });

  it("stops probing and never resumes once closed", async () => {
    const { breaker, calls, probes } = setup(Number.POSITIVE_INFINITY);
    breaker.check(down);
    await until(() => calls.length === 2);
    breaker.close();
    const after = probes();
    await new Promise((r) => setTimeout(r, 40));
    expect(probes()).toBeLessThanOrEqual(after + 1);
    expect(calls).toEqual(["pause(true)", "pause(true)"]);
  });
});

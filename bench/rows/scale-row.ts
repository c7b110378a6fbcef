import { fmt, type BenchRow } from "./row-types.ts";
import { runFanout, type FanoutRun } from "./run-fanout.ts";
import { withSimulator } from "./with-simulator.ts";

const NAME = "scale";
const TARGET = "throughput reported per count; no duplicates at any count";

/** The fan-out with 1, 2 and 4 worker processes (a smaller audience than `fanout`, to fit the time budget). */
export const scaleRow: BenchRow = {
  name: NAME,
  async run(ctx) {
    const n = ctx.sizes.scaleSubscribers;
    const runs: FanoutRun[] = [];
    await withSimulator({}, async (sim, sink) => {
      for (const workers of ctx.sizes.scaleWorkerCounts) {
        const run = await runFanout(ctx, {
          sim,
          sink,
          workers,
          subscribers: n,
          label: `scale${workers}`,
          timeoutMs: 50_000,
        });
        ctx.log(`  ${workers} workers: ${fmt(run.msgPerSec)} msg/s, ${run.duplicates} duplicates`);
        runs.push(run);
      }
    });
    const clean = runs.every((r) => r.duplicates === 0 && r.delivered === n && r.sentRows === n);
    return {
      name: NAME,
      ours: runs.map((r) => `${r.workers}w ${fmt(r.msgPerSec)} msg/s`).join(", "),
      baseline: "-",
      ratio: null,
      target: TARGET,
      pass: clean,
      notes: [
        `${fmt(n)} subscribers per count; duplicates ${runs.map((r) => `${r.workers}w ${r.duplicates}`).join(", ")}; peak worker RSS ${runs.map((r) => `${r.workers}w ${fmt(r.peakWorkerRssMb)} MB`).join(", ")}`,
        ...runs.filter((r) => r.jobError).map((r) => `${r.workers}w: a job failed: ${r.jobError}`),
        ...runs
          .filter((r) => r.delivered !== n)
          .map(
            (r) =>
              `${r.workers}w delivered ${fmt(r.delivered)} of ${fmt(n)}${r.timedOut ? " (timed out)" : ""}`,
          ),
      ],
      data: { runs },
    };
  },
};

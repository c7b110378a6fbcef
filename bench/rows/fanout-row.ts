import { fmt, type BenchRow } from "./row-types.ts";
import { renderSample, runFanoutBaseline } from "./run-fanout-baseline.ts";
import { harnessDeps, runFanout } from "./run-fanout.ts";
import { withSimulator } from "./with-simulator.ts";

const NAME = "fanout";
const TARGET = "all delivered exactly once in <= 30 s; >= 0.9 of baseline msg/s; peak worker RSS reported";

/** A restock of one variant to N subscribers through ledger, queue and 2 workers, vs nodemailer alone. */
export const fanoutRow: BenchRow = {
  name: NAME,
  async run(ctx) {
    const n = ctx.sizes.fanoutSubscribers;
    const workers = ctx.sizes.fanoutWorkers;
    return withSimulator({}, async (sim, sink) => {
      const ours = await runFanout(ctx, {
        sim,
        sink,
        workers,
        subscribers: n,
        label: "main",
        timeoutMs: 150_000,
      });
      ctx.log(
        `  ours: ${fmt(ours.delivered)} delivered in ${fmt(ours.elapsedMs / 1000, 1)} s, ${fmt(ours.duplicates)} duplicates`,
      );
      if (!ours.restockEventId) throw new Error("no restock event was recorded");
      const deps = harnessDeps(ctx);
      const sample = await renderSample(deps, ours.restockEventId).finally(() => deps.close());
      const base = await runFanoutBaseline(sink, sample, n, workers, 90_000);
      ctx.log(`  baseline: ${fmt(base.delivered)} delivered in ${fmt(base.elapsedMs / 1000, 1)} s`);
      const exactlyOnce =
        ours.delivered === n && ours.duplicates === 0 && ours.distinctRecipients === n && ours.sentRows === n;
      const ratio = ours.msgPerSec / base.msgPerSec;
      return {
        name: NAME,
        ours: `${fmt(ours.msgPerSec)} msg/s; ${fmt(ours.delivered)} in ${fmt(ours.elapsedMs / 1000, 1)} s; peak worker RSS ${fmt(ours.peakWorkerRssMb)} MB`,
        baseline: `${fmt(base.msgPerSec)} msg/s; ${fmt(base.delivered)} in ${fmt(base.elapsedMs / 1000, 1)} s`,
        ratio,
        target: TARGET,
        pass: exactlyOnce && ours.elapsedMs <= 30_000 && ratio >= 0.9,
        notes: [
          `${fmt(n)} subscribers, ${workers} worker processes x concurrency ${ctx.sizes.workerConcurrency}, 5 SMTP connections each; baseline: ${workers} processes x 5 pooled connections, message rendered once by the app's renderer; one round each (ours, then baseline)`,
          exactlyOnce
            ? `exactly once: ${fmt(n)} distinct recipients, 0 duplicates, ${fmt(ours.sentRows)} ledger rows SENT`
            : `NOT exactly once: delivered ${fmt(ours.delivered)}, distinct ${fmt(ours.distinctRecipients)}, duplicates ${fmt(ours.duplicates)}, SENT rows ${fmt(ours.sentRows)}${ours.timedOut ? " (timed out)" : ""}`,
          ...(ours.jobError ? [`a job failed: ${ours.jobError}`] : []),
        ],
        data: { ours, baseline: base },
      };
    });
  },
};

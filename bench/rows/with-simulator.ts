import { createSimulator, type Simulator } from "../../simulator/create-simulator.ts";
import { BENCH_API_KEY, BENCH_API_SECRET } from "../env/start-bench-env.ts";
import { startSmtpSink, type SmtpSink } from "../smtp/start-smtp-sink.ts";

/** A Shopify simulator (in the harness process) and an SMTP sink for the duration of `run`. */
export async function withSimulator<T>(
  opts: { restoreRate?: number; sink?: boolean },
  run: (sim: Simulator, sink: SmtpSink) => Promise<T>,
): Promise<T> {
  const rate = opts.restoreRate ?? 1_000;
  const sim = await createSimulator({
    apiKey: BENCH_API_KEY,
    apiSecret: BENCH_API_SECRET,
    bucket: { maximumAvailable: Math.max(1_000, rate * 10), restoreRate: rate },
  });
  const sink = await startSmtpSink();
  try {
    return await run(sim, sink);
  } finally {
    await sink.close();
    await sim.close();
  }
}

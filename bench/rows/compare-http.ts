import { runLoad } from "../load/run-load.ts";
import type { LoadResult, LoadSpec, RequestTemplate } from "../load/load-spec.ts";
import type { BenchSizes } from "./bench-sizes.ts";
import { median } from "./row-types.ts";

export type HttpTarget = {
  url: string;
  /** Called before every load run: signed requests may need a fresh timestamp. */
  templates: () => RequestTemplate[];
  uniqueHeader?: string;
};

export type HttpComparison = {
  oursRps: number;
  baselineRps: number;
  ours: LoadResult[];
  baseline: LoadResult[];
  oursFixed: LoadResult;
  baselineFixed: LoadResult;
};

/**
 * Ours and the baseline under the same closed-loop load, alternating round by round (the machine's
 * noise hits both alike), medians taken; then each at the fixed rate the latency target names.
 */
export async function compareHttp(
  ours: HttpTarget,
  baseline: HttpTarget,
  sizes: BenchSizes,
  log: (m: string) => void,
): Promise<HttpComparison> {
  const closed = (t: HttpTarget): LoadSpec => ({
    url: t.url,
    templates: t.templates(),
    ...(t.uniqueHeader ? { uniqueHeader: t.uniqueHeader } : {}),
    durationMs: sizes.httpRoundMs,
    warmupMs: sizes.httpWarmupMs,
    mode: { kind: "closed", connections: sizes.httpConnections },
  });
  const fixed = (t: HttpTarget): LoadSpec => ({
    ...closed(t),
    durationMs: sizes.fixedRateMs,
    mode: { kind: "open", rate: sizes.fixedRate, connections: 128 },
  });
  // Untimed: JIT, connection pools and caches warm up before anything counts.
  await runLoad({ ...closed(ours), durationMs: sizes.httpWarmupMs * 2 });
  await runLoad({ ...closed(baseline), durationMs: sizes.httpWarmupMs * 2 });
  const oursRuns: LoadResult[] = [];
  const baselineRuns: LoadResult[] = [];
  for (let round = 1; round <= sizes.httpRounds; round++) {
    oursRuns.push(await runLoad(closed(ours)));
    baselineRuns.push(await runLoad(closed(baseline)));
    log(
      `  round ${round}: ours ${Math.round(oursRuns.at(-1)!.rps)} req/s, baseline ${Math.round(baselineRuns.at(-1)!.rps)} req/s`,
    );
  }
  const oursFixed = await runLoad(fixed(ours));
  const baselineFixed = await runLoad(fixed(baseline));
  log(
    `  at ${sizes.fixedRate} req/s: ours p99 ${oursFixed.latency.p99.toFixed(1)} ms, baseline p99 ${baselineFixed.latency.p99.toFixed(1)} ms`,
  );
  return {
    oursRps: median(oursRuns.map((r) => r.rps)),
    baselineRps: median(baselineRuns.map((r) => r.rps)),
    ours: oursRuns,
    baseline: baselineRuns,
    oursFixed,
    baselineFixed,
  };
}

/** Requests that did not get a 2xx/3xx, or no answer at all, across every run. */
export function failures(c: HttpComparison): { ours: number; baseline: number; first?: string } {
  const count = (runs: LoadResult[]) => runs.reduce((n, r) => n + r.failed + r.errors, 0);
  const first = [...c.ours, c.oursFixed].find((r) => r.firstError || r.failed > 0);
  return {
    ours: count([...c.ours, c.oursFixed]),
    baseline: count([...c.baseline, c.baselineFixed]),
    ...(first ? { first: first.firstError ?? `statuses ${JSON.stringify(first.statuses)}` } : {}),
  };
}

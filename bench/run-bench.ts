import { createRequire } from "node:module";
import { readMachineInfo } from "./env/read-machine-info.ts";
import { settleDatabase } from "./env/settle-database.ts";
import { startBenchEnv } from "./env/start-bench-env.ts";
import type { BenchReport } from "./report/format-table.ts";
import { BENCH_ROWS } from "./rows/bench-rows.ts";
import { SIZES } from "./rows/bench-sizes.ts";
import type { RowResult } from "./rows/row-types.ts";

export type BenchOptions = {
  /** Row names; empty = every row, in table order. */
  names: string[];
  size: "default" | "small";
  databaseUrl?: string;
  redisUrl?: string;
  log?: (message: string) => void;
  /** Writes a V8 CPU profile of every app process (servers, workers) into this directory. */
  cpuProfileDir?: string;
  /** Overrides the fan-out row's audience (a 20,000 run for iterating); the report is then not `latest`. */
  subscribers?: number;
};

/** Runs the selected rows on one fresh environment; a row that throws prints its error as the figure. */
export async function runBench(opts: BenchOptions): Promise<BenchReport> {
  const unknown = opts.names.filter((n) => !BENCH_ROWS.some((r) => r.name === n));
  if (unknown.length > 0) {
    throw new Error(
      `unknown benchmark ${unknown.join(", ")}; known: ${BENCH_ROWS.map((r) => r.name).join(", ")}`,
    );
  }
  const log = opts.log ?? (() => undefined);
  const rows = opts.names.length ? BENCH_ROWS.filter((r) => opts.names.includes(r.name)) : BENCH_ROWS;
  const sizes = opts.subscribers
    ? { ...SIZES[opts.size], fanoutSubscribers: opts.subscribers }
    : SIZES[opts.size];
  const started = new Date();
  const machine = readMachineInfo();
  const env = await startBenchEnv({ databaseUrl: opts.databaseUrl, redisUrl: opts.redisUrl });
  log(`database: ${env.services.database}; queue: ${env.services.queue}`);
  const results: RowResult[] = [];
  try {
    for (const [index, row] of rows.entries()) {
      if (index > 0) {
        log(`database settled before ${row.name}: ${await settleDatabase(env.databaseUrl)}`);
      }
      log(`${row.name}...`);
      const t0 = performance.now();
      try {
        const execArgv = opts.cpuProfileDir
          ? ["--cpu-prof", `--cpu-prof-dir=${opts.cpuProfileDir}/${row.name}`]
          : [];
        results.push(await row.run({ env, sizes, log, execArgv }));
      } catch (error) {
        results.push({
          name: row.name,
          ours: `error: ${(error as Error).message}`.slice(0, 300),
          baseline: "-",
          ratio: null,
          target: "-",
          pass: false,
          notes: [(error as Error).stack?.split("\n").slice(0, 3).join(" ") ?? String(error)],
          data: {},
        });
      }
      log(`${row.name} done in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${results.at(-1)!.ours}`);
    }
  } finally {
    await env.close();
  }
  const require = createRequire(import.meta.url);
  const version = (name: string) => (require(`${name}/package.json`) as { version: string }).version;
  return {
    startedAt: started.toISOString(),
    durationS: Math.round((Date.now() - started.getTime()) / 1000),
    size: opts.size,
    allRows: rows.length === BENCH_ROWS.length && !opts.subscribers,
    machine,
    services: env.services,
    versions: { ...env.versions, bullmq: version("bullmq"), express: version("express") },
    rows: results,
  };
}

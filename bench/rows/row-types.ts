import type { BenchEnv } from "../env/start-bench-env.ts";
import type { BenchSizes } from "./bench-sizes.ts";

export type BenchContext = {
  env: BenchEnv;
  sizes: BenchSizes;
  log: (message: string) => void;
  /** Node flags for the app's processes (servers, workers): `--cpu-prof` when profiling. */
  execArgv: string[];
};

export type RowResult = {
  name: string;
  /** Our figure, with its unit; "not available: <reason>" when the feature has not landed. */
  ours: string;
  /** The baseline's figure from the same run, or "-" when the row has none. */
  baseline: string;
  /** ours / baseline where both are rates, else null. */
  ratio: number | null;
  target: string;
  /** null when there is no figure to judge. */
  pass: boolean | null;
  /** What bounds a missed target, anomalies, and how the figure was taken. */
  notes: string[];
  /** Every measurement behind the figure (written to the JSON only). */
  data: Record<string, unknown>;
};

export type BenchRow = {
  name: string;
  run(ctx: BenchContext): Promise<RowResult>;
};

export function notAvailable(name: string, target: string, reason: string): RowResult {
  return {
    name,
    ours: `not available: ${reason}`,
    baseline: "-",
    ratio: null,
    target,
    pass: null,
    notes: [],
    data: {},
  };
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export const fmt = (n: number, digits = 0): string =>
  Number.isFinite(n)
    ? n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits })
    : "n/a";

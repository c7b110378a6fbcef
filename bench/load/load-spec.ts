export type RequestTemplate = {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
};

export type LoadSpec = {
  url: string;
  /** Cycled through in order. */
  templates: RequestTemplate[];
  /** When set, each request gets this header with a value unique in the run (e.g. X-Shopify-Event-Id). */
  uniqueHeader?: string;
  durationMs: number;
  warmupMs: number;
  /** closed: `connections` clients, each sending when the last answer came; open: a fixed rate. */
  mode: { kind: "closed"; connections: number } | { kind: "open"; rate: number; connections: number };
};

export type LoadResult = {
  requests: number;
  /** Responses with a 2xx/3xx status. */
  ok: number;
  failed: number;
  /** Connection errors (no response). */
  errors: number;
  elapsedMs: number;
  rps: number;
  /** Milliseconds; in open mode measured from the scheduled send time (no coordinated omission). */
  latency: { p50: number; p90: number; p99: number; max: number };
  statuses: Record<string, number>;
  firstError?: string;
};

export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

// Child process: generates HTTP load against one server and reports a LoadResult over IPC.
// Run by run-load.ts (fork), never imported by the harness, so its CPU is not the harness's.
import { HttpConnection, serializeRequest } from "./http-connection.ts";
import { percentile, type LoadResult, type LoadSpec } from "./load-spec.ts";

process.once("message", (spec: LoadSpec) => {
  generate(spec).then(
    (result) => process.send?.({ result }, () => process.exit(0)),
    (error: unknown) => process.send?.({ error: String(error) }, () => process.exit(1)),
  );
});

async function generate(spec: LoadSpec): Promise<LoadResult> {
  const target = new URL(spec.url);
  const host = target.host;
  const port = Number(target.port || 80);
  const runId = `${process.pid}-${Date.now().toString(36)}`;
  const fixed = spec.uniqueHeader ? null : spec.templates.map((t) => serializeRequest({ ...t, host }));
  let counter = 0;
  const next = (): Buffer => {
    const i = counter++;
    if (fixed) return fixed[i % fixed.length]!;
    const t = spec.templates[i % spec.templates.length]!;
    return serializeRequest({ ...t, host, headers: { ...t.headers, [spec.uniqueHeader!]: `${runId}-${i}` } });
  };

  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let ok = 0;
  let failed = 0;
  let errors = 0;
  let firstError: string | undefined;
  const started = performance.now();
  const measureFrom = started + spec.warmupMs;
  const endAt = measureFrom + spec.durationMs;
  const record = (scheduledAt: number, status: number | null, error?: Error) => {
    const done = performance.now();
    if (scheduledAt < measureFrom) return;
    if (status === null) {
      errors++;
      firstError ??= error?.message;
      return;
    }
    latencies.push(done - scheduledAt);
    statuses[status] = (statuses[status] ?? 0) + 1;
    if (status < 400) ok++;
    else failed++;
  };
  const connections = Array.from(
    { length: spec.mode.connections },
    () => new HttpConnection(target.hostname, port),
  );

  if (spec.mode.kind === "closed") {
    await Promise.all(
      connections.map(async (conn) => {
        while (performance.now() < endAt) {
          const at = performance.now();
          try {
            const res = await conn.send(next());
            record(at, res.status);
          } catch (error) {
            record(at, null, error as Error);
          }
        }
      }),
    );
  } else {
    await openLoop(spec.mode.rate, connections, next, record, started, endAt);
  }
  for (const c of connections) c.close();
  const sorted = Float64Array.from(latencies).sort();
  const requests = ok + failed;
  return {
    requests,
    ok,
    failed,
    errors,
    elapsedMs: spec.durationMs,
    rps: (requests / spec.durationMs) * 1000,
    latency: {
      p50: percentile(sorted, 50),
      p90: percentile(sorted, 90),
      p99: percentile(sorted, 99),
      max: sorted.length ? sorted[sorted.length - 1]! : Number.NaN,
    },
    statuses,
    ...(firstError ? { firstError } : {}),
  };
}

/**
 * Fixed arrival rate: request k is due at start + k/rate. A request waiting for a free connection
 * keeps its due time, so a stalled server shows up in the latency instead of slowing the clock.
 */
async function openLoop(
  rate: number,
  connections: HttpConnection[],
  next: () => Buffer,
  record: (scheduledAt: number, status: number | null, error?: Error) => void,
  started: number,
  endAt: number,
): Promise<void> {
  const idle = [...connections];
  const backlog: number[] = [];
  let head = 0;
  const inFlight = new Set<Promise<void>>();
  let scheduled = 0;
  const dispatch = () => {
    while (idle.length > 0 && head < backlog.length) {
      const conn = idle.pop()!;
      const dueAt = backlog[head++]!;
      const p = conn.send(next()).then(
        (res) => record(dueAt, res.status),
        (error: Error) => record(dueAt, null, error),
      );
      const tracked = p.finally(() => {
        inFlight.delete(tracked);
        idle.push(conn);
        dispatch();
      });
      inFlight.add(tracked);
    }
  };
  while (performance.now() < endAt) {
    const now = performance.now();
    const due = Math.floor(((now - started) / 1000) * rate);
    while (scheduled < due) backlog.push(started + (scheduled++ / rate) * 1000);
    dispatch();
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  // Requests already due still go out and count (bounded: a server that stopped answering ends
  // the run 10 s later with its open requests counted as errors).
  const deadline = endAt + 10_000;
  while ((head < backlog.length || inFlight.size > 0) && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  for (const c of connections) c.close();
  backlog.length = 0;
}

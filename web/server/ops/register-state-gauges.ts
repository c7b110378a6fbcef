import { Gauge, type Registry } from "prom-client";
import { readStateSnapshot, type StateSnapshot, type StateSource } from "./read-state-snapshot.ts";

export type { StateSource } from "./read-state-snapshot.ts";

type Read = { ok: true; snapshot: StateSnapshot } | { ok: false };

/**
 * Backlog gauges computed at scrape time from PostgreSQL and the queue backend. Several gauges share
 * one read, cached for `cacheMs`, so a scrape (or many scrapers) costs a few aggregate queries at most
 * once per period. Every web process reports the same cluster-wide values: aggregate with max().
 */
export function registerStateGauges(
  registry: Registry,
  source: StateSource,
  opts: { cacheMs?: number; now?: () => number } = {},
): void {
  const cacheMs = opts.cacheMs ?? 15_000;
  const now = opts.now ?? Date.now;
  let cached: { at: number; read: Promise<Read> } | undefined;
  const read = (): Promise<Read> => {
    if (!cached || now() - cached.at >= cacheMs) {
      // A failed read is a value, not a thrown error: /metrics must keep serving process metrics
      // while the database is down, and `backorder_state_up 0` says why the gauges went stale.
      cached = {
        at: now(),
        read: readStateSnapshot(source).then(
          (snapshot): Read => ({ ok: true, snapshot }),
          (): Read => ({ ok: false }),
        ),
      };
    }
    return cached.read;
  };

  new Gauge({
    name: "backorder_state_up",
    help: "1 when the backlog gauges below were read successfully at this scrape, else 0",
    registers: [registry],
    async collect() {
      this.set((await read()).ok ? 1 : 0);
    },
  });
  const backorderLines = new Gauge({
    name: "backorder_backorder_lines",
    help: "Backordered order lines across all shops, by status (open: waiting for stock; ready: covered)",
    labelNames: ["status"] as const,
    registers: [registry],
    async collect() {
      const r = await read();
      backorderLines.reset();
      if (r.ok)
        for (const row of r.snapshot.backorders) backorderLines.set({ status: row.status }, row.lines);
    },
  });
  const backorderUnits = new Gauge({
    name: "backorder_backordered_units",
    help: "Units not covered by stock on backordered lines across all shops, by line status",
    labelNames: ["status"] as const,
    registers: [registry],
    async collect() {
      const r = await read();
      backorderUnits.reset();
      if (r.ok)
        for (const row of r.snapshot.backorders) backorderUnits.set({ status: row.status }, row.units);
    },
  });
  const subscriptions = new Gauge({
    name: "backorder_subscriptions",
    help: "Back-in-stock subscriptions across all shops, by status (pending: awaiting opt-in)",
    labelNames: ["status"] as const,
    registers: [registry],
    async collect() {
      const r = await read();
      subscriptions.reset();
      if (r.ok)
        for (const row of r.snapshot.subscriptions) subscriptions.set({ status: row.status }, row.count);
    },
  });
  const queueJobs = new Gauge({
    name: "backorder_queue_jobs",
    help: "Jobs in each queue by state, shared by every worker",
    labelNames: ["queue", "state"] as const,
    registers: [registry],
    async collect() {
      const r = await read();
      queueJobs.reset();
      if (r.ok)
        for (const row of r.snapshot.queueJobs)
          queueJobs.set({ queue: row.queue, state: row.state }, row.count);
    },
  });
}

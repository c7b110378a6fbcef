import type { TaskMeta } from "vitest";

/** One line of the summary table a scenario reports (test/faults/faults-reporter.ts prints them). */
export type FaultRow = {
  test: string;
  /** Webhooks delivered, emails expected, requests sent: what the scenario pushed through. */
  events: number;
  /** Acknowledged work that never took effect. */
  lost: number;
  /** Effects that happened more than once (emails received twice...). */
  duplicates: number;
  /** 5xx answers of the web process (expected only while a service it needs is down). */
  fiveXx: number;
  note: string;
};

declare module "vitest" {
  interface TaskMeta {
    faults?: FaultRow[];
  }
}

/** Attaches a row to the running test; the reporter collects it when the run ends. */
export function reportFaultRow(task: { meta: TaskMeta }, row: FaultRow): void {
  task.meta.faults = [...(task.meta.faults ?? []), row];
  process.stdout.write(`[faults] ${JSON.stringify(row)}\n`);
}

import type { MachineInfo } from "../env/read-machine-info.ts";
import type { RowResult } from "../rows/row-types.ts";

export type BenchReport = {
  startedAt: string;
  durationS: number;
  size: string;
  /** Every row of the table ran (not a `-- <name>` subset). */
  allRows: boolean;
  machine: MachineInfo;
  services: { database: string; queue: string };
  versions: { postgres: string; redis: string | null; bullmq: string; express: string };
  rows: RowResult[];
};

const verdict = (pass: boolean | null) => (pass === null ? "n/a" : pass ? "pass" : "FAIL");
const ratioText = (r: number | null) => (r === null || !Number.isFinite(r) ? "-" : r.toFixed(2));

export function describeRun(report: BenchReport): string[] {
  const m = report.machine;
  return [
    `machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, ${m.os}, load average ${m.loadAverage} at start`,
    `node ${m.node}; PostgreSQL ${report.versions.postgres}; Redis ${report.versions.redis ?? "-"}; BullMQ ${report.versions.bullmq}; Express ${report.versions.express}`,
    `database: ${report.services.database}; queue: ${report.services.queue}`,
    `size: ${report.size}; started ${report.startedAt}; took ${report.durationS} s`,
  ];
}

export function formatMarkdown(report: BenchReport): string {
  const escape = (s: string) => s.replaceAll("|", "\\|");
  const lines = [
    "# Backorder Hub benchmarks",
    "",
    ...describeRun(report).map((l) => `- ${l}`),
    "",
    "| name | ours | baseline (same run) | ratio | target | result |",
    "|---|---|---|---|---|---|",
    ...report.rows.map(
      (r) =>
        `| ${r.name} | ${escape(r.ours)} | ${escape(r.baseline)} | ${ratioText(r.ratio)} | ${escape(r.target)} | ${verdict(r.pass)} |`,
    ),
    "",
    "## Notes",
    "",
    ...report.rows.flatMap((r) => r.notes.map((n) => `- **${r.name}**: ${n}`)),
    "",
  ];
  return lines.join("\n");
}

/** A plain table for the terminal: fixed-width columns, long cells wrapped. */
export function formatText(report: BenchReport): string {
  const header = ["name", "ours", "baseline", "ratio", "target", "result"];
  const rows = report.rows.map((r) => [
    r.name,
    r.ours,
    r.baseline,
    ratioText(r.ratio),
    r.target,
    verdict(r.pass),
  ]);
  const widths = header.map((h, i) => Math.min(46, Math.max(h.length, ...rows.map((row) => row[i]!.length))));
  const wrap = (text: string, width: number) => {
    const out: string[] = [];
    for (let s = text; s.length > 0; s = s.slice(width)) out.push(s.slice(0, width));
    return out.length ? out : [""];
  };
  const render = (cells: string[]) => {
    const wrapped = cells.map((c, i) => wrap(c, widths[i]!));
    const height = Math.max(...wrapped.map((w) => w.length));
    return Array.from({ length: height }, (_, line) =>
      wrapped.map((w, i) => (w[line] ?? "").padEnd(widths[i]!)).join("  "),
    ).join("\n");
  };
  return [
    ...describeRun(report),
    "",
    render(header),
    widths.map((w) => "-".repeat(w)).join("  "),
    ...rows.map(render),
    "",
    ...report.rows.flatMap((r) => r.notes.map((n) => `${r.name}: ${n}`)),
  ].join("\n");
}

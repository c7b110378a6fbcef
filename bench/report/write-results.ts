import fs from "node:fs";
import path from "node:path";
import { formatMarkdown, type BenchReport } from "./format-table.ts";

export const RESULTS_DIR = path.resolve(import.meta.dirname, "../results");

/**
 * Writes `<stamp>-<size>.json` and `.md`, and for full-size runs of every row also `latest.json`/`latest.md`
 * (what the README links). BigInts in measurements are written as strings.
 */
export function writeResults(report: BenchReport, dir = RESULTS_DIR): { json: string; markdown: string } {
  fs.mkdirSync(dir, { recursive: true });
  const stamp = report.startedAt.replace(/[:.]/g, "-");
  const base = path.join(dir, `${stamp}-${report.size}`);
  const json = JSON.stringify(report, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v), 2);
  const markdown = formatMarkdown(report);
  fs.writeFileSync(`${base}.json`, json);
  fs.writeFileSync(`${base}.md`, markdown);
  if (report.size === "default" && report.allRows) {
    fs.writeFileSync(path.join(dir, "latest.json"), json);
    fs.writeFileSync(path.join(dir, "latest.md"), markdown);
  }
  return { json: `${base}.json`, markdown: `${base}.md` };
}

import fs from "node:fs";
import path from "node:path";
import type { Reporter, TestModule } from "vitest/node";
import { FAULTS } from "./support/fault-settings.ts";
import type { FaultRow } from "./support/fault-row.ts";

const SUMMARY = "test/artifacts/faults/summary.md";

/** Prints the fault suite's summary table at the end of the run and writes it to SUMMARY. */
export default class FaultsReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const rows: (FaultRow & { state: string })[] = [];
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        for (const row of test.meta().faults ?? []) rows.push({ ...row, state: test.result().state });
      }
    }
    const sizes = FAULTS.sizes;
    const header = ["test", "events", "lost", "duplicates", "5xx", "result", "note"];
    const body = rows.map((r) => [
      r.test,
      String(r.events),
      String(r.lost),
      String(r.duplicates),
      String(r.fiveXx),
      r.state === "passed" ? "pass" : r.state,
      r.note,
    ]);
    const table = [header, header.map(() => "---"), ...body].map((cells) => `| ${cells.join(" | ")} |`);
    const text = [
      `# Fault suite summary (FAULTS_SCALE=${sizes.label})`,
      "",
      `Sizes: ${JSON.stringify(sizes)}`,
      "",
      ...table,
      "",
    ].join("\n");
    fs.mkdirSync(path.dirname(SUMMARY), { recursive: true });
    fs.writeFileSync(SUMMARY, text);
    process.stdout.write(`\n${text}\n(written to ${SUMMARY})\n`);
  }
}

// npm run bench [-- <name>...] [--size small] [--subscribers N]: runs the benchmark table and writes it under
// bench/results/. The one place of the bench that reads the environment (DATABASE_URL, REDIS_URL).
import path from "node:path";
import { formatText } from "./report/format-table.ts";
import { RESULTS_DIR, writeResults } from "./report/write-results.ts";
import { runBench } from "./run-bench.ts";

const args = process.argv.slice(2);
let size: "default" | "small" = "default";
let cpuProfileDir: string | undefined;
let subscribers: number | undefined;
const names: string[] = [];
for (let i = 0; i < args.length; i++) {
  const arg = args[i]!;
  if (arg === "--size") {
    const value = args[++i];
    if (value !== "small" && value !== "default") throw new Error("--size is small or default");
    size = value;
  } else if (arg.startsWith("--size=")) {
    const value = arg.slice("--size=".length);
    if (value !== "small" && value !== "default") throw new Error("--size is small or default");
    size = value;
  } else if (arg === "--subscribers") {
    subscribers = Number(args[++i]);
    if (!Number.isInteger(subscribers) || subscribers < 1)
      throw new Error("--subscribers is a positive integer");
  } else if (arg === "--cpu-prof") {
    cpuProfileDir = path.join(RESULTS_DIR, "profiles", new Date().toISOString().replace(/[:.]/g, "-"));
  } else {
    names.push(arg);
  }
}

const report = await runBench({
  names,
  size,
  databaseUrl: process.env.DATABASE_URL || undefined,
  redisUrl: process.env.REDIS_URL || undefined,
  log: (m) => console.log(m),
  ...(cpuProfileDir ? { cpuProfileDir } : {}),
  ...(subscribers ? { subscribers } : {}),
});
console.log(`\n${formatText(report)}\n`);
const written = writeResults(report);
console.log(`written: ${written.markdown} and ${written.json}`);
if (cpuProfileDir)
  console.log(`CPU profiles: ${cpuProfileDir} (summarize: node bench/report/summarize-profile.ts <dir>)`);
process.exit(report.rows.some((r) => r.pass === false) ? 1 : 0);

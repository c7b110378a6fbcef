// Regenerates the measured figures of docs/scaling.md: Redis bytes per queued job of each main
// kind, PostgreSQL bytes per row of the growing tables. `npm run bench:footprint`; writes
// bench/results/footprint.md and .json. FOOTPRINT_JOBS / FOOTPRINT_ROWS set the sample sizes.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { measurePostgresRows } from "./measure-postgres-rows.ts";
import { measureRedisJobs } from "./measure-redis-jobs.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const jobs = Number(process.env.FOOTPRINT_JOBS ?? 10_000);
const rows = Number(process.env.FOOTPRINT_ROWS ?? 20_000);
const started = new Date();
const redis = await measureRedisJobs(jobs);
const postgres = await measurePostgresRows(process.env.DATABASE_URL, rows);
const n = (v: number) => v.toLocaleString("en-US");
const lines = [
  "# Footprint per queued job and per row",
  "",
  `Measured ${started.toISOString()} by \`npm run bench:footprint\` (bench/footprint/); Redis ${redis.version}` +
    ` (a throwaway redis-server, INFO memory used_memory growth / jobs), PostgreSQL ${postgres.version}` +
    ` (pg_total_relation_size / rows after VACUUM ANALYZE).`,
  "",
  "| job kind | jobs enqueued | Redis bytes per job | what |",
  "|---|---|---|---|",
  ...redis.rows.map((r) => `| ${r.kind} | ${n(r.jobs)} | ${n(r.bytesPerJob)} | ${r.note} |`),
  "",
  "| table | rows | heap + TOAST bytes/row | index bytes/row | total bytes/row | what |",
  "|---|---|---|---|---|---|",
  ...postgres.rows.map(
    (r) =>
      `| ${r.table} | ${n(r.rows)} | ${n(r.heapPerRow)} | ${n(r.indexesPerRow)} | ${n(r.totalPerRow)} | ${r.what} |`,
  ),
  "",
];
const out = path.join(ROOT, "bench/results");
fs.writeFileSync(path.join(out, "footprint.md"), lines.join("\n"));
fs.writeFileSync(
  path.join(out, "footprint.json"),
  `${JSON.stringify({ measuredAt: started.toISOString(), redis, postgres }, null, 2)}\n`,
);
console.log(lines.join("\n"));

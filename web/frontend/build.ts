// Builds the admin SPA into web/frontend/dist and prints every file's size (raw and gzip).
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { build } from "vite";
import { adminBuildIsStale } from "./admin-build-is-stale.ts";
import { adminViteConfig, DIST_DIR, standInViteConfig } from "./vite-config.ts";

function listFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory() ? listFiles(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
    );
}

const print = (line: string) => process.stdout.write(`${line}\n`);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

export async function buildAdmin(): Promise<{ raw: number; gzip: number }> {
  // Vite (and the React plugin) decide production from NODE_ENV itself, not from `mode`.
  process.env.NODE_ENV = "production";
  await build(adminViteConfig());
  // After the bundle: its build empties dist first.
  await build(standInViteConfig());
  const rows = listFiles(DIST_DIR)
    .map((file) => {
      const content = fs.readFileSync(file);
      return {
        file: path.relative(DIST_DIR, file),
        raw: content.length,
        gzip: zlib.gzipSync(content, { level: 9 }).length,
      };
    })
    .sort((a, b) => b.raw - a.raw);
  const width = Math.max(...rows.map((r) => r.file.length));
  print("Admin bundle (web/frontend/dist):");
  for (const r of rows)
    print(`  ${r.file.padEnd(width)}  ${kb(r.raw).padStart(10)}  gzip ${kb(r.gzip).padStart(9)}`);
  const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip }), { raw: 0, gzip: 0 });
  print(`  ${"total".padEnd(width)}  ${kb(total.raw).padStart(10)}  gzip ${kb(total.gzip).padStart(9)}`);
  return total;
}

// `--if-stale` (npm run dev): build only when the bundle is missing or older than its sources.
if (import.meta.main) {
  if (!process.argv.includes("--if-stale") || adminBuildIsStale()) await buildAdmin();
}

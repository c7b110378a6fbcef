import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const FRONTEND = fileURLToPath(new URL("../../../web/frontend/", import.meta.url));

function newestMtime(target: string): number {
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(
    0,
    ...fs
      .readdirSync(target)
      .filter((n) => n !== "dist" && n !== "node_modules")
      .map((n) => newestMtime(path.join(target, n))),
  );
}

/** Builds the admin bundle when dist is missing or older than any source (no globalSetup needed). */
export function ensureAdminBuild(): void {
  const index = path.join(FRONTEND, "dist", "index.html");
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs >= newestMtime(FRONTEND)) return;
  execFileSync(process.execPath, [path.join(FRONTEND, "build.ts")], { stdio: "inherit" });
}

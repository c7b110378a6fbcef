import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const FRONTEND = fileURLToPath(new URL("./", import.meta.url));

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

/** True when web/frontend/dist is missing or older than any source file of the admin. */
export function adminBuildIsStale(): boolean {
  const index = path.join(FRONTEND, "dist", "index.html");
  return !fs.existsSync(index) || fs.statSync(index).mtimeMs < newestMtime(FRONTEND);
}

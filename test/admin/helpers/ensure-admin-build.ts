import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { adminBuildIsStale } from "../../../web/frontend/admin-build-is-stale.ts";

const BUILD = fileURLToPath(new URL("../../../web/frontend/build.ts", import.meta.url));

/** Builds the admin bundle when dist is missing or older than any source (no globalSetup needed). */
export function ensureAdminBuild(): void {
  // vitest runs with NODE_ENV=test; the bundle under test must be the production one merchants get.
  if (adminBuildIsStale())
    execFileSync(process.execPath, [BUILD], {
      stdio: "inherit",
      env: { ...process.env, NODE_ENV: "production" },
    });
}

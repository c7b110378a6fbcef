// The extension, its tests and shopify.d.ts type-check against @shopify/ui-extensions
// 2026.7: each entry passes its target's real `shopify` Api to code typed by api/eta-api.ts.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { expect, it } from "vitest";

it("type-checks with tsc against @shopify/ui-extensions 2026.7", () => {
  const require = createRequire(import.meta.url);
  // The package's exports hide package.json; find it from its resolved entry.
  const entry = require.resolve("@shopify/ui-extensions");
  const manifest = JSON.parse(readFileSync(join(dirname(entry), "package.json"), "utf8")) as {
    version: string;
  };
  expect(manifest.version).toMatch(/^2026\.7\./);
  const tsc = join(dirname(require.resolve("typescript/package.json")), "bin", "tsc");
  const result = spawnSync(
    process.execPath,
    [tsc, "--noEmit", "-p", join(import.meta.dirname, "..", "tsconfig.json")],
    {
      encoding: "utf8",
    },
  );
  expect(result.stdout + result.stderr).toBe("");
  expect(result.status).toBe(0);
}, 60_000);

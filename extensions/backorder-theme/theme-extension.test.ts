import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { JS_GZIP_BUDGET_BYTES, checkThemeExtension } from "./check.ts";

const ROOT = fileURLToPath(new URL(".", import.meta.url));

describe("backorder theme app extension", () => {
  it("passes theme-check (theme-app-extension config) and the JS budget", async () => {
    const result = await checkThemeExtension(ROOT);
    expect(result.offenses.filter((o) => o.severity === "error")).toEqual([]);
    expect(result.scripts.map((s) => s.file)).toEqual(["backorder.js"]);
    for (const script of result.scripts) expect(script.gzipBytes).toBeLessThan(JS_GZIP_BUDGET_BYTES);
    expect(result.ok).toBe(true);
  }, 30_000);

  it("every storefront and editor locale has the same keys as the default", async () => {
    const keys = async (file: string) =>
      flatKeys(JSON.parse(await readFile(join(ROOT, "locales", file), "utf8")));
    for (const [base, others] of [
      ["en.default.json", ["fr.json", "de.json", "es.json"]],
      ["en.default.schema.json", ["fr.schema.json", "de.schema.json", "es.schema.json"]],
    ] as const) {
      const expected = await keys(base);
      for (const other of others) expect(await keys(other), other).toEqual(expected);
    }
  });

  describe("catches regressions (run on a copy)", () => {
    let copy = "";
    afterEach(async () => {
      if (copy) await rm(copy, { recursive: true, force: true });
    });
    const copyExtension = async () => {
      copy = await mkdtemp(join(tmpdir(), "backorder-theme-"));
      await cp(ROOT, copy, { recursive: true, filter: (src) => !src.endsWith(".ts") });
      return copy;
    };

    it("fails on a forbidden tag in a block", async () => {
      const dir = await copyExtension();
      const block = join(dir, "blocks", "notify-me.liquid");
      await writeFile(block, `{% stylesheet %}.x{}{% endstylesheet %}\n${await readFile(block, "utf8")}`);
      const result = await checkThemeExtension(dir);
      expect(result.ok).toBe(false);
      expect(result.offenses.map((o) => o.check)).toContain("AppBlockValidTags");
    }, 30_000);

    it("fails when a script goes over the gzip budget", async () => {
      const dir = await copyExtension();
      // Random bytes do not compress, so this file is over budget gzipped too.
      await writeFile(join(dir, "assets", "bloat.js"), `var x = "${randomBytes(6000).toString("base64")}";`);
      const result = await checkThemeExtension(dir);
      expect(result.ok).toBe(false);
      expect(result.scripts.find((s) => s.file === "bloat.js")?.gzipBytes).toBeGreaterThan(
        JS_GZIP_BUDGET_BYTES,
      );
    }, 30_000);
  });
});

function flatKeys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value)
    .flatMap(([k, v]) => flatKeys(v, prefix ? `${prefix}.${k}` : k))
    .sort();
}

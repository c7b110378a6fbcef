// Checks the theme app extension the way `shopify app deploy` would, plus our own JS budget:
// `node extensions/backorder-theme/check.ts` exits non-zero on theme-check errors or a script over budget.
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { Severity, themeCheckRun } from "@shopify/theme-check-node";

/** The product's budget for the notify-me widget is 5 KB gzipped (docs/storefront.md) (theme-check's own limit is 10 KB). */
export const JS_GZIP_BUDGET_BYTES = 5 * 1024;

export interface Offense {
  check: string;
  severity: "error" | "warning" | "info";
  message: string;
  file: string;
  line: number;
}

export interface ScriptSize {
  file: string;
  rawBytes: number;
  gzipBytes: number;
}

export interface ExtensionCheckResult {
  offenses: Offense[];
  scripts: ScriptSize[];
  ok: boolean;
}

const SEVERITY = {
  [Severity.ERROR]: "error",
  [Severity.WARNING]: "warning",
  [Severity.INFO]: "info",
} as const;

export async function checkThemeExtension(
  root = fileURLToPath(new URL(".", import.meta.url)),
): Promise<ExtensionCheckResult> {
  const run = await themeCheckRun(root, "theme-check:theme-app-extension");
  const offenses = run.offenses.map((o) => ({
    check: o.check,
    severity: SEVERITY[o.severity],
    message: o.message,
    file: o.uri.replace(/^file:\/\//, ""),
    line: o.start.line + 1,
  }));

  const assets = join(root, "assets");
  const scripts: ScriptSize[] = [];
  for (const file of (await readdir(assets)).filter((f) => f.endsWith(".js")).sort()) {
    const body = await readFile(join(assets, file));
    scripts.push({ file, rawBytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length });
  }

  const ok =
    offenses.every((o) => o.severity !== "error") &&
    scripts.every((s) => s.gzipBytes <= JS_GZIP_BUDGET_BYTES);
  return { offenses, scripts, ok };
}

async function main(): Promise<void> {
  const result = await checkThemeExtension();
  const print = (line: string) => process.stdout.write(`${line}\n`);
  for (const o of result.offenses) {
    print(`${o.severity.toUpperCase()} ${o.check} ${o.file}:${o.line} ${o.message}`);
  }
  for (const s of result.scripts) {
    const verdict = s.gzipBytes <= JS_GZIP_BUDGET_BYTES ? "ok" : `OVER ${JS_GZIP_BUDGET_BYTES} B budget`;
    print(`${s.file}: ${s.rawBytes} B raw, ${s.gzipBytes} B gzipped (${verdict})`);
  }
  print(result.ok ? "theme extension check passed" : "theme extension check FAILED");
  process.exitCode = result.ok ? 0 : 1;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();

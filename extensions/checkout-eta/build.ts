// Bundles every target module declared in shopify.extension.toml the way Shopify CLI
// does (esbuild, minified), prints each size, and fails above Shopify's 64 KB limit.
// Run from the repo root: `node extensions/checkout-eta/build.ts`.
import { build } from "esbuild";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { parseTomlSubset, type TomlTable } from "./tools/parse-toml-subset.ts";

export const BUNDLE_LIMIT_BYTES = 64 * 1024;
const extensionDir = dirname(fileURLToPath(import.meta.url));

export interface BundleReport {
  readonly target: string;
  readonly module: string;
  readonly bytes: number;
  readonly gzipBytes: number;
  readonly code: Uint8Array;
}

export function declaredTargets(): { target: string; module: string }[] {
  const toml = parseTomlSubset(readFileSync(join(extensionDir, "shopify.extension.toml"), "utf8"));
  const extensions = toml.extensions as TomlTable[];
  return extensions.flatMap((extension) =>
    (extension.targeting as TomlTable[]).map((entry) => ({
      target: String(entry.target),
      module: String(entry.module),
    })),
  );
}

export async function buildBundles(): Promise<BundleReport[]> {
  return Promise.all(
    declaredTargets().map(async ({ target, module }) => {
      const result = await build({
        absWorkingDir: extensionDir,
        entryPoints: [module],
        bundle: true,
        minify: true,
        write: false,
        format: "esm",
        platform: "browser",
        target: "es2020",
        jsx: "automatic",
        jsxImportSource: "preact",
        legalComments: "none",
        logLevel: "silent",
      });
      const code = result.outputFiles[0]?.contents ?? new Uint8Array();
      return { target, module, bytes: code.byteLength, gzipBytes: gzipSync(code).byteLength, code };
    }),
  );
}

async function main(): Promise<void> {
  const outdir = join(extensionDir, "dist");
  mkdirSync(outdir, { recursive: true });
  const reports = await buildBundles();
  let tooBig = false;
  for (const report of reports) {
    writeFileSync(join(outdir, basename(report.module).replace(/\.tsx?$/, ".js")), report.code);
    const over = report.bytes > BUNDLE_LIMIT_BYTES;
    tooBig ||= over;
    process.stdout.write(
      `${over ? "FAIL" : "ok  "} ${report.target}  ${report.bytes} B (${report.gzipBytes} B gzipped), limit ${BUNDLE_LIMIT_BYTES} B\n`,
    );
  }
  if (tooBig) process.exitCode = 1;
}

if (import.meta.main) await main();

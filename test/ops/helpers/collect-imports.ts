// Follows the runtime import graph from entry files: which repository files a process loads and which
// npm packages it needs at run time. Type-only imports are erased by Node, so they do not count.
// Packages loaded by dynamic import() are reported apart: they load only on the path that asks.
import fs from "node:fs";
import { isBuiltin } from "node:module";
import path from "node:path";

const STATIC = /(?:^|\n)[ \t]*(import|export)(\s+type)?\b[\w$*\s{},]*?\bfrom\s*["']([^"']+)["']/g;
const SIDE_EFFECT = /(?:^|\n)[ \t]*import\s*["']([^"']+)["']/g;
const DYNAMIC = /\bimport\(\s*["']([^"']+)["']\s*\)/g;

export function collectImports(
  root: string,
  entries: string[],
): { files: Set<string>; packages: Set<string>; dynamicPackages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const dynamicPackages = new Set<string>();
  const queue = entries.map((e) => path.resolve(root, e));
  while (queue.length > 0) {
    const file = queue.pop()!;
    const relative = path.relative(root, file);
    if (files.has(relative)) continue;
    files.add(relative);
    for (const { specifier, dynamic } of runtimeSpecifiers(fs.readFileSync(file, "utf8"))) {
      if (specifier.startsWith(".")) {
        const target = path.resolve(path.dirname(file), specifier);
        if (!fs.existsSync(target)) throw new Error(`${relative}: import ${specifier} does not exist`);
        if (/\.[cm]?[jt]s$/.test(target)) queue.push(target);
      } else if (!isBuiltin(specifier)) {
        const parts = specifier.split("/");
        const name = specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!;
        (dynamic ? dynamicPackages : packages).add(name);
      }
    }
  }
  for (const name of packages) dynamicPackages.delete(name);
  return { files, packages, dynamicPackages };
}

function runtimeSpecifiers(source: string): { specifier: string; dynamic: boolean }[] {
  const found: { specifier: string; dynamic: boolean }[] = [];
  for (const m of source.matchAll(STATIC)) if (!m[2]) found.push({ specifier: m[3]!, dynamic: false });
  for (const m of source.matchAll(SIDE_EFFECT)) found.push({ specifier: m[1]!, dynamic: false });
  for (const m of source.matchAll(DYNAMIC)) found.push({ specifier: m[1]!, dynamic: true });
  return found;
}

// node bench/report/summarize-profile.ts <file.cpuprofile | directory>: where the CPU time of a
// profiled bench process went, by package and by function (self time). Open the same files in
// Chrome DevTools or speedscope for the flame graph.
import fs from "node:fs";
import path from "node:path";

type ProfileNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
};
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

export type ProfileSummary = {
  totalMs: number;
  byPackage: [string, number][];
  byFunction: [string, number][];
};

export function summarizeProfile(profile: Profile, top = 15): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfMs = new Map<number, number>();
  profile.samples.forEach((id, i) =>
    selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000),
  );
  const packages = new Map<string, number>();
  const functions = new Map<string, number>();
  let totalMs = 0;
  for (const [id, ms] of selfMs) {
    const frame = byId.get(id)?.callFrame;
    if (!frame) continue;
    totalMs += ms;
    const pkg = packageOf(frame.url, frame.functionName);
    packages.set(pkg, (packages.get(pkg) ?? 0) + ms);
    const fn = `${frame.functionName || "(anonymous)"} ${shortUrl(frame.url)}:${frame.lineNumber + 1}`;
    functions.set(fn, (functions.get(fn) ?? 0) + ms);
  }
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top);
  return { totalMs, byPackage: sorted(packages), byFunction: sorted(functions) };
}

function packageOf(url: string, fn: string): string {
  if (!url) return fn.startsWith("(") ? fn : "(native)";
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1]!;
  if (url.startsWith("node:")) return "node core";
  const own = /\/(web|jobs|bench|simulator)\//.exec(url);
  return own ? `app: ${own[1]}` : shortUrl(url);
}

function shortUrl(url: string): string {
  return url
    .replace(/^file:\/\//, "")
    .replace(/.*node_modules\//, "")
    .replace(/.*\/work\/main\//, "");
}

function print(file: string): void {
  const s = summarizeProfile(JSON.parse(fs.readFileSync(file, "utf8")) as Profile);
  const pct = (ms: number) => `${((ms / s.totalMs) * 100).toFixed(1).padStart(5)}%`;
  console.log(`\n${file}: ${(s.totalMs / 1000).toFixed(1)} s sampled`);
  console.log("  by package:");
  for (const [name, ms] of s.byPackage) console.log(`    ${pct(ms)}  ${name}`);
  console.log("  by function (self):");
  for (const [name, ms] of s.byFunction) console.log(`    ${pct(ms)}  ${name}`);
}

if (import.meta.main) {
  const target = process.argv[2];
  if (!target) throw new Error("usage: summarize-profile.ts <file.cpuprofile | directory>");
  const files = fs.statSync(target).isDirectory()
    ? fs
        .readdirSync(target, { recursive: true, encoding: "utf8" })
        .filter((f) => f.endsWith(".cpuprofile"))
        .map((f) => path.join(target, f))
    : [target];
  for (const file of files) print(file);
}

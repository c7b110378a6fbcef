// Every Admin GraphQL document the app sends must validate against Shopify's published 2026-07
// schema, the way Shopify would check it. The test walks the app's sources (web/, jobs/), imports
// every module holding a `#graphql` document and validates each exported document as the app would
// send it (fragments interpolated); it fails on an operation written without the marker.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { buildClientSchema, parse, validate, type GraphQLSchema } from "graphql";
import { beforeAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SOURCE_DIRS = ["web/server", "jobs"];
const MARKED = /`#graphql([\s\S]*?)`/g;
const UNMARKED = /`\s*(query|mutation)\s+[A-Za-z_]\w*\s*[({]/g;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : sourceFiles(full);
    return /\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [full] : [];
  });
}

const files = SOURCE_DIRS.flatMap((dir) => sourceFiles(path.join(ROOT, dir)));
const documentFiles = files.filter((file) => fs.readFileSync(file, "utf8").includes("`#graphql"));
const documents: { file: string; source: string }[] = [];
for (const file of documentFiles) {
  const mod = (await import(file)) as Record<string, unknown>;
  for (const value of Object.values(mod)) {
    if (typeof value === "string" && value.trimStart().startsWith("#graphql")) {
      documents.push({ file: path.relative(ROOT, file), source: value });
    }
  }
}

describe("the app's Admin GraphQL documents", () => {
  let schema: GraphQLSchema;
  beforeAll(() => {
    const gz = fs.readFileSync(path.join(ROOT, "simulator/schema/admin_2026-07.json.gz"));
    schema = buildClientSchema(JSON.parse(zlib.gunzipSync(gz).toString("utf8")).data);
  });

  it("are found in the sources, every marked literal exported", () => {
    expect(documents.length).toBeGreaterThan(5);
    const marked = documentFiles.reduce(
      (n, f) => n + [...fs.readFileSync(f, "utf8").matchAll(MARKED)].length,
      0,
    );
    expect(documents.length).toBe(marked);
  });

  it.each(documents.map((d) => [`${d.file}: ${d.source.trim().split("\n")[0]}`, d] as const))(
    "%s validates against Admin 2026-07",
    (_name, doc) => {
      const errors = validate(schema, parse(doc.source)).map((e) => e.message);
      expect(errors).toEqual([]);
    },
  );

  it("are all marked #graphql (no operation escapes this check)", () => {
    const unmarked = files.flatMap((file) =>
      [...fs.readFileSync(file, "utf8").matchAll(UNMARKED)].map(
        (m) => `${path.relative(ROOT, file)}: ${m[0]}`,
      ),
    );
    expect(unmarked).toEqual([]);
  });
});

// shopify.app.toml is the one list of access scopes: Shopify grants what it declares, and
// `shopify app dev` passes it to the app as SCOPES. The app's default and the README say the same.
import fs from "node:fs";
import path from "node:path";
import { parse } from "smol-toml";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../web/server/config.ts";
import { DEFAULT_SCOPES } from "../../web/server/config-env-schema.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const toml = parse(fs.readFileSync(path.join(ROOT, "shopify.app.toml"), "utf8")) as {
  access_scopes: { scopes: string };
  app_proxy?: unknown;
};
const declared = toml.access_scopes.scopes;

describe("access scopes", () => {
  it("the app's default SCOPES is shopify.app.toml's list", () => {
    expect(DEFAULT_SCOPES).toBe(declared);
    expect(loadConfig({}).scopes).toEqual(declared.split(","));
  });

  it("the README's configuration table gives the same default", () => {
    const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
    const row = readme.split("\n").find((line) => line.startsWith("| `SCOPES` |"));
    expect(row, "README has a SCOPES row").toBeDefined();
    expect(row!.split("|").at(-2)!.trim()).toBe(`\`${declared}\``);
  });

  it(".env.example leaves SCOPES to that default or sets the same list", () => {
    const example = fs.readFileSync(path.join(ROOT, ".env.example"), "utf8");
    const set = /^SCOPES=(.*)$/m.exec(example)?.[1];
    expect(set ?? DEFAULT_SCOPES).toBe(declared);
  });

  it("includes write_app_proxy, which Shopify requires to configure the [app_proxy] the app declares", () => {
    expect(toml.app_proxy).toBeDefined();
    expect(declared.split(",")).toContain("write_app_proxy");
  });
});

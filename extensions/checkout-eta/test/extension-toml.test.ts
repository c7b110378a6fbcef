// shopify.extension.toml declares exactly what the code uses: targets, metafields,
// capabilities, settings.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ETA_KEYS, ETA_NAMESPACE } from "../src/eta/read-variant-eta.ts";
import { SETTING_KEYS } from "../src/settings/read-settings.ts";
import { parseTomlSubset, type TomlTable } from "../tools/parse-toml-subset.ts";

const dir = join(import.meta.dirname, "..");
const toml = parseTomlSubset(readFileSync(join(dir, "shopify.extension.toml"), "utf8"));
const extensions = toml.extensions as TomlTable[];
const extension = extensions[0] as TomlTable;
const targeting = extension.targeting as TomlTable[];

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(folder, entry.name)) : [join(folder, entry.name)],
  );
}

describe("shopify.extension.toml", () => {
  it("is one ui_extension on API 2026-07", () => {
    expect(toml.api_version).toBe("2026-07");
    expect(extensions).toHaveLength(1);
    expect(extension.type).toBe("ui_extension");
    expect(extension.handle).toBe("checkout-eta");
  });

  it("declares exactly the four targets, each with its entry module", () => {
    expect(targeting.map((entry) => [entry.target, entry.module])).toEqual([
      ["purchase.checkout.cart-line-item.render-after", "./src/targets/checkout-cart-line.tsx"],
      ["purchase.checkout.shipping-option-list.render-after", "./src/targets/checkout-delivery-summary.tsx"],
      ["purchase.thank-you.cart-line-item.render-after", "./src/targets/thank-you-cart-line.tsx"],
      [
        "customer-account.order-status.cart-line-item.render-after",
        "./src/targets/order-status-cart-line.tsx",
      ],
    ]);
    const entryFiles = readdirSync(join(dir, "src/targets")).map((name) => `./src/targets/${name}`);
    expect(entryFiles.sort()).toEqual(targeting.map((entry) => entry.module).sort());
  });

  it("types each entry module's `shopify` global as its own target's Api", () => {
    const declarations = readFileSync(join(dir, "shopify.d.ts"), "utf8");
    const pairs = [
      ...declarations.matchAll(
        /declare module "(.+?)" \{\s*const shopify: import\("@shopify\/ui-extensions\/(.+?)"\)\.Api;/g,
      ),
    ];
    expect(pairs.map(([, module, target]) => [target, module])).toEqual(
      targeting.map((entry) => [entry.target, entry.module]),
    );
  });

  it("requests exactly the app metafields the code reads", () => {
    const metafields = extension.metafields as TomlTable[];
    expect(metafields.map((entry) => `${entry.namespace}.${entry.key}`)).toEqual(
      ETA_KEYS.map((key) => `${ETA_NAMESPACE}.${key}`),
    );
    expect(extension.targeting as TomlTable[]).not.toContainEqual(
      expect.objectContaining({ metafields: expect.anything() }),
    );
  });

  it("asks only for api_access (shopify.query), never network access", () => {
    expect(extension.capabilities).toEqual({ api_access: true });
    const sources = sourceFiles(join(dir, "src")).map((file) => readFileSync(file, "utf8"));
    expect(sources.some((source) => source.includes("shopify.query") || source.includes("api.query"))).toBe(
      true,
    );
    for (const source of sources) {
      expect(source).not.toMatch(/\bfetch\(|XMLHttpRequest|sessionToken|WebSocket/);
    }
  });

  it("declares exactly the settings the code reads", () => {
    const settings = extension.settings as TomlTable;
    const fields = settings.fields as TomlTable[];
    expect(fields.map((field) => field.key)).toEqual([...SETTING_KEYS]);
    expect(fields.map((field) => field.type)).toEqual([
      "boolean",
      "single_line_text_field",
      "single_line_text_field",
    ]);
  });

  it("has no module path that does not exist", () => {
    for (const entry of targeting) expect(existsSync(join(dir, String(entry.module)))).toBe(true);
  });
});

describe("parseTomlSubset", () => {
  it.each([
    ["an inline array", "a = [1, 2]"],
    ["a duplicate key", "a = 1\na = 2"],
    ["a redefined table", "[x]\n[x]"],
    ["a multi-line string", 'a = """\nb"""'],
  ])("rejects %s", (_, text) => {
    expect(() => parseTomlSubset(text)).toThrow();
  });

  it("reads nested arrays of tables", () => {
    expect(parseTomlSubset('[[e]]\nk = "v" # c\n  [[e.t]]\n  n = 2\n  [e.c]\n  b = false')).toEqual({
      e: [{ k: "v", t: [{ n: 2 }], c: { b: false } }],
    });
  });
});

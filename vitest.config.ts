import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["{web,jobs,simulator,test,extensions,prisma}/**/*.test.{ts,tsx}"],
    exclude: ["**/node_modules/**", "**/dist/**"],
    globalSetup: ["test/setup/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: two files at a time keeps database connections and CPU within bounds.
    maxWorkers: 2,
    reporters: ["default"],
  },
});

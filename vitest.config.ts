import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["{web,jobs,simulator,test,extensions,prisma}/**/*.test.{ts,tsx}"],
    exclude: ["**/node_modules/**", "**/dist/**"],
    globalSetup: ["test/setup/global-setup.ts"],
    testTimeout: 30_000,
    // expect.poll waits for what a page or a worker shows next; its default of 1 s failed a browser
    // test whose settings page took longer to fill on a busy CI machine.
    expect: { poll: { timeout: 15_000 } },
    hookTimeout: 60_000,
    // Two cores: two files at a time keeps database connections and CPU within bounds.
    maxWorkers: 2,
    reporters: ["default"],
  },
});

import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { FAULTS } from "./support/fault-settings.ts";

// The fault suite (npm run test:faults): real web and worker processes, PostgreSQL, Redis, the
// simulator and a misbehaving SMTP server. Long, so `npm test` never picks it up: these files end
// in .faults.ts, which the main include (*.test.ts) does not match.
export default defineConfig({
  root: fileURLToPath(new URL("../../", import.meta.url)),
  test: {
    include: ["test/faults/**/*.faults.ts"],
    globalSetup: ["test/setup/global-setup.ts", "test/faults/faults-global-setup.ts"],
    // One scenario at a time: each starts its own processes and loads both cores.
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: FAULTS.testTimeoutMs,
    // expect.poll waits for what a page or a worker shows next; its default of 1 s failed a browser
    // test whose settings page took longer to fill on a busy CI machine.
    expect: { poll: { timeout: 15_000 } },
    hookTimeout: 180_000,
    reporters: ["default", "./test/faults/faults-reporter.ts"],
  },
});

import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDevApp } from "../../web/dev/start-dev-app.ts";
import { loadConfig } from "../../web/server/config.ts";
import { startTestApp, type TestApp } from "../helpers/start-test-app.ts";

describe("the playground's app listener", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app?.close());

  it("binds 127.0.0.1 on the demo credentials, like the simulator and the mail catcher", async () => {
    const config = loadConfig({ NODE_ENV: "development", PORT: "0", LOG_LEVEL: "silent" });
    expect(config.demo).toBe(true);
    const dev = await startDevApp(
      { ...app.deps, config, databaseUrl: app.databaseUrl, close: async () => undefined },
      pino({ level: "silent" }),
    );
    try {
      expect(dev.address.address).toBe("127.0.0.1");
    } finally {
      await dev.close();
    }
  });
});

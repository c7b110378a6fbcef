import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../web/server/config.ts";
import { buildDevEnv, parseDevArgs, preferredPorts } from "../../web/dev/dev-options.ts";
import { readWebhookTopics } from "../../web/dev/read-webhook-topics.ts";

const SIM = "http://127.0.0.1:3001";
const SMTP = "smtp://127.0.0.1:2525";

describe("npm run dev configuration", () => {
  it.each<[string, Record<string, string>, Partial<ReturnType<typeof loadConfig>>]>([
    [
      "the playground (no credentials)",
      {},
      { demo: true, appUrl: "http://localhost:3000", adminOrigin: SIM, smtpUrl: SMTP, env: "development" },
    ],
    [
      "shopify app dev (credentials and a tunnel in HOST)",
      { SHOPIFY_API_KEY: "key", SHOPIFY_API_SECRET: "secret", HOST: "https://x.trycloudflare.com" },
      { demo: false, appUrl: "https://x.trycloudflare.com", adminOrigin: undefined, apiKey: "key" },
    ],
    [
      "an SMTP server of one's own",
      { SMTP_URL: "smtp://mail.local:25" },
      { smtpUrl: "smtp://mail.local:25", adminOrigin: SIM },
    ],
    // A public URL needs real credentials: the demo secret is refused there (config.test.ts).
    [
      "an explicit app URL",
      { SHOPIFY_APP_URL: "http://localhost:8081" },
      { appUrl: "http://localhost:8081" },
    ],
  ])("%s", (_name, env, expected) => {
    const config = loadConfig(buildDevEnv(env, { appPort: 3000, simulatorOrigin: SIM, smtpUrl: SMTP }));
    expect(config).toMatchObject(expected);
  });

  it.each<[string[], { reset: boolean; supervised: boolean; startedAt: number }]>([
    [[], { reset: false, supervised: false, startedAt: 5 }],
    [["--reset"], { reset: true, supervised: false, startedAt: 5 }],
    [["--supervised", "--started-at=1234", "--reset"], { reset: true, supervised: true, startedAt: 1234 }],
    [["--started-at=nope"], { reset: false, supervised: false, startedAt: 5 }],
  ])("parses %j", (argv, expected) => {
    expect(parseDevArgs(argv, 5)).toEqual(expected);
  });

  it.each<[Record<string, string>, ReturnType<typeof preferredPorts>]>([
    [{}, { app: 3000, simulator: 3001, mailWeb: 3002, smtp: 2525 }],
    [
      { PORT: "4000", SMTP_PORT: "0" },
      { app: 4000, simulator: 3001, mailWeb: 3002, smtp: 0 },
    ],
    [
      { BACKEND_PORT: "5123", PORT: "x" },
      { app: 3000, simulator: 3001, mailWeb: 3002, smtp: 2525 },
    ],
  ])("ports from %j", (env, expected) => {
    expect(preferredPorts(env)).toEqual(expected);
  });

  it("sends the simulator's webhooks only for the topics shopify.app.toml subscribes to", () => {
    const root = fileURLToPath(new URL("../../", import.meta.url));
    const topics = readWebhookTopics(path.join(root, "shopify.app.toml"));
    expect(topics).toContain("orders/create");
    expect(topics).toContain("inventory_levels/update");
    expect(topics).not.toContain("customers/redact"); // compliance topics: always sent, not listed here
  });
});

// `shopify app dev` runs what the app's shopify.web.toml files say, with the environment the CLI
// gives them. This runs those commands the same way (Shopify stood in for by the simulator) and
// checks that they serve the app and run a worker: an order webhook ends as a tagged order.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parse } from "smol-toml";
import { afterAll, describe, expect, it } from "vitest";
import { createSimulator } from "../../simulator/create-simulator.ts";
import { seedDemoShop } from "../../simulator/seed-demo-shop.ts";
import { findFreePort } from "../../web/server/db/start-embedded-postgres.ts";
import { createPrisma } from "../../web/server/db/create-prisma.ts";
import { startSmtpCatcher, type SmtpCatcher } from "../helpers/smtp-catcher.ts";
import { createTestDatabase } from "../helpers/test-database.ts";
import { waitFor } from "../helpers/wait-for.ts";
import { findWebConfigs, shopifyCliEnv } from "./helpers/shopify-web-configs.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const configs = findWebConfigs(ROOT);
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
  scripts: Record<string, string>;
};
const appToml = parse(fs.readFileSync(path.join(ROOT, "shopify.app.toml"), "utf8")) as {
  access_scopes: { scopes: string };
};

const cleanups: Array<() => Promise<unknown>> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
});

describe("shopify app dev", () => {
  it("finds web configurations that together serve the frontend and the backend", () => {
    expect(configs.length).toBeGreaterThan(0);
    const roles = new Set(configs.flatMap((c) => c.roles));
    expect(roles).toContain("frontend");
    expect(roles).toContain("backend");
  });

  it.each(configs.map((c) => [path.relative(ROOT, c.file), c] as const))(
    "%s: every dev command is an npm script of the app",
    (_file, config) => {
      expect(config.dev.length).toBeGreaterThan(0);
      for (const part of config.dev) {
        expect([part.command, part.args[0]]).toEqual(["npm", "run"]);
        expect(pkg.scripts, `${part.args[1]} in package.json`).toHaveProperty(part.args[1]!);
      }
    },
  );

  it(
    "runs the web server and a worker: a shop installs, and an orders/create ends as a tagged order",
    { timeout: 300_000 },
    async () => {
      const apiKey = "cli-dev-key";
      const apiSecret = "cli-dev-secret-0123456789";
      const sim = await createSimulator({ apiKey, apiSecret });
      cleanups.push(() => sim.close());
      const smtp: SmtpCatcher = await startSmtpCatcher();
      cleanups.push(() => smtp.close());
      const database = await createTestDatabase();
      cleanups.push(() => database.drop());
      const port = await findFreePort();
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        ...shopifyCliEnv({
          apiKey,
          apiSecret,
          tunnelUrl: "https://backorder-dev.trycloudflare.com",
          scopes: appToml.access_scopes.scopes,
          port,
          frontendPort: await findFreePort(),
        }),
        // What this machine adds: its PostgreSQL (a fresh database), a mail server, and the
        // simulator in place of Shopify. Queues on PostgreSQL: no shared Redis namespace.
        DATABASE_URL: database.url,
        SMTP_URL: smtp.url,
        SHOPIFY_ADMIN_ORIGIN: sim.origin,
        LOG_LEVEL: "info",
      };
      delete env.REDIS_URL;
      delete env.SHOPIFY_APP_URL;

      let output = "";
      for (const config of configs) {
        for (const part of config.dev) {
          // The CLI runs every web configuration at once, each part of a command in turn.
          const child: ChildProcess = spawn(part.command, part.args, {
            cwd: config.directory,
            env,
            stdio: ["ignore", "pipe", "pipe"],
            detached: true,
          });
          child.stdout!.on("data", (c: Buffer) => (output += c.toString("utf8")));
          child.stderr!.on("data", (c: Buffer) => (output += c.toString("utf8")));
          const exited = new Promise((resolve) => child.once("exit", resolve));
          cleanups.push(async () => {
            if (child.exitCode !== null || child.signalCode !== null) return;
            process.kill(-child.pid!, "SIGINT");
            await exited;
          });
        }
      }
      const appUrl = `http://127.0.0.1:${port}`;
      await waitFor(
        async () => {
          const res = await fetch(`${appUrl}/readyz`).catch(() => null);
          return res?.status === 200 ? true : null;
        },
        180_000,
        250,
      ).catch((error: unknown) => {
        throw new Error(`${String(error)}\n${output.slice(-3000)}`);
      });

      const seeded = seedDemoShop(sim);
      sim.setAppUrl(appUrl);
      const token = await sim.mintSessionToken({ shop: seeded.shop });
      const install = await fetch(`${appUrl}/api/shop`, { headers: { Authorization: `Bearer ${token}` } });
      expect(install.status).toBe(200);
      const db = createPrisma(database.url, { poolSize: 2 });
      cleanups.push(() => db.$disconnect());
      // The initial sync is a worker job: it finishes only if a worker runs.
      await waitFor(async () => {
        const shop = await db.shop.findUnique({ where: { domain: seeded.shop } });
        return shop?.syncStatus === "DONE" ? shop : null;
      }, 90_000);
      const skillet = seeded.products["cast-iron-skillet"]!.variants[0]!;
      const order = sim.placeOrder(seeded.shop, {
        email: "cli-dev@example.com",
        lines: [{ variantId: skillet.variantId, quantity: 1 }],
      });
      await waitFor(
        async () => (sim.getOrderTags(seeded.shop, order.id).includes("backorder") ? true : null),
        60_000,
      );
      expect(sim.deliveries.filter((d) => d.topic === "orders/create" && d.status === 200)).toHaveLength(1);
      await waitFor(
        async () => smtp.messages.find((m) => m.to.includes("cli-dev@example.com")) ?? null,
        60_000,
      );
    },
  );
});

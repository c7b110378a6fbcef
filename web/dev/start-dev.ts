import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadConfig } from "../server/config.ts";
import { createRuntime, type Runtime } from "../server/create-runtime.ts";
import { createLogger, type Logger } from "../server/logger.ts";
import { buildDevEnv, hasShopifyCredentials, preferredPorts, type DevArgs, type Env } from "./dev-options.ts";
import { startDevApp, type DevApp } from "./start-dev-app.ts";
import { DEMO_SHOP, installDemoShop, setDemoEtas } from "./install-demo-shop.ts";
import { setupDemoSms } from "./setup-demo-sms.ts";
import { createMailCatcher, type MailCatcher } from "./mail-catcher/create-mail-catcher.ts";
import { pickPort } from "./pick-port.ts";
import { readWebhookTopics } from "./read-webhook-topics.ts";
import { startDevSimulator, type DevSimulator } from "./start-dev-simulator.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

export type DevUrls = {
  app: string;
  admin?: string;
  storefront?: string;
  console?: string;
  mail?: string;
};

export type RunningDev = { urls: DevUrls; readyMs: number; logger: Logger; close(): Promise<void> };

/**
 * `npm run dev`: the database, queues, web and worker; without Shopify credentials also the
 * simulator with the demo shop installed, and a mail catcher. Everything in this one process.
 */
export async function startDev(env: Env, args: DevArgs): Promise<RunningDev> {
  const playground = !hasShopifyCredentials(env);
  const dataDir = path.resolve(ROOT, env.DATA_DIR ?? ".data");
  if (args.reset) await fs.rm(dataDir, { recursive: true, force: true });
  const wanted = preferredPorts(env);
  const catchMail = !env.SMTP_URL;
  const ports = {
    // With credentials the Shopify CLI chose the port and tunnels to it: keep it as given.
    app: playground || wanted.app === 0 ? await pickPort(wanted.app) : wanted.app,
    simulator: playground ? await pickPort(wanted.simulator) : 0,
    mailWeb: catchMail ? await pickPort(wanted.mailWeb) : 0,
    smtp: catchMail ? await pickPort(wanted.smtp) : 0,
  };
  const config = loadConfig(
    buildDevEnv(
      { ...env, DATA_DIR: dataDir },
      {
        appPort: ports.app,
        ...(playground ? { simulatorOrigin: `http://127.0.0.1:${ports.simulator}` } : {}),
        ...(catchMail ? { smtpUrl: `smtp://127.0.0.1:${ports.smtp}` } : {}),
      },
    ),
  );
  const logger = createLogger({ level: config.logLevel, name: "dev" });
  const internalAppUrl = `http://127.0.0.1:${ports.app}`;
  // Stopped in this order: the simulator first (no webhook may reach a closing app, and its state
  // is saved), then web and worker, then queues, Prisma and PostgreSQL (awaited), then the mail.
  const stops: Partial<Record<"sim" | "app" | "runtime" | "mail", () => Promise<void>>> = {};
  const closeAll = async () => {
    for (const key of ["sim", "app", "runtime", "mail"] as const) {
      const stop = stops[key];
      delete stops[key];
      await stop?.().catch((err: unknown) => logger.error({ err, component: key }, "error while stopping"));
    }
  };

  try {
    let mail: MailCatcher | undefined;
    const consoleUrl = playground ? `http://127.0.0.1:${ports.simulator}/console` : undefined;
    // The slow part (PostgreSQL, migrations) overlaps with starting the simulator and mail catcher.
    const started = await Promise.allSettled([
      createRuntime(config, { name: "dev", migrate: true }).then((r) => {
        stops.runtime = () => r.close();
        return r;
      }),
      playground
        ? startDevSimulator({
            apiKey: config.apiKey,
            apiSecret: config.apiSecrets[0]!,
            port: ports.simulator,
            dataDir,
            webhookTopics: readWebhookTopics(path.join(ROOT, "shopify.app.toml")),
            appUrl: internalAppUrl,
            publicAppUrl: config.appUrl,
            mailUrl: () => mail?.webUrl,
            logger: logger.child({ component: "simulator" }),
          }).then((s) => {
            stops.sim = () => s.close();
            return s;
          })
        : undefined,
      catchMail
        ? createMailCatcher({
            smtpPort: ports.smtp,
            webPort: ports.mailWeb,
            file: path.join(dataDir, "mail.json"),
            logger: logger.child({ component: "mail" }),
            ...(consoleUrl ? { consoleUrl } : {}),
          }).then((m) => {
            mail = m;
            stops.mail = () => m.close();
          })
        : undefined,
    ]);
    // Every start settled first, so whatever did start is stopped again on failure.
    const failed = started.find((r) => r.status === "rejected");
    if (failed) throw failed.reason;
    const [runtime, simulator] = started.map((r) => (r.status === "fulfilled" ? r.value : undefined)) as [
      Runtime,
      DevSimulator | undefined,
      void,
    ];
    const app: DevApp = await startDevApp(runtime, logger);
    stops.app = () => app.close();
    await finishPlayground(simulator, internalAppUrl, logger);

    const urls: DevUrls = {
      app: config.appUrl,
      ...(simulator
        ? {
            admin: `${consoleUrl}/open-admin?shop=${DEMO_SHOP}`,
            storefront: `http://127.0.0.1:${ports.simulator}/`,
            console: consoleUrl,
          }
        : { admin: `${config.appUrl}/admin` }),
      ...(mail ? { mail: mail.webUrl } : {}),
    };
    return { urls, readyMs: Date.now() - args.startedAt, logger, close: closeAll };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

async function finishPlayground(simulator: DevSimulator | undefined, appUrl: string, logger: Logger) {
  if (!simulator) return;
  simulator.sim.setAppUrl(appUrl);
  await installDemoShop({ sim: simulator.sim, appUrl, shop: DEMO_SHOP });
  await setupDemoSms({ sim: simulator.sim, appUrl, shop: DEMO_SHOP }).catch((err: unknown) =>
    logger.warn({ err }, "demo SMS channel not set up"),
  );
  if (simulator.seeded) {
    // In the background: it waits for the initial sync, which must not delay the URLs.
    setDemoEtas({ sim: simulator.sim, appUrl, shop: DEMO_SHOP, logger, now: new Date() }).catch(
      (err: unknown) => logger.warn({ err }, "demo ETAs not set"),
    );
  }
}

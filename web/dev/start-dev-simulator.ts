import path from "node:path";
import express from "express";
import { createConsoleRoutes } from "../../simulator/console/create-console-routes.ts";
import { createSimulator } from "../../simulator/create-simulator.ts";
import { createStatePersister, loadStateFile } from "../../simulator/persist-state.ts";
import { seedDemoShop } from "../../simulator/seed-demo-shop.ts";
import type { Simulator } from "../../simulator/simulator-types.ts";
import { createStorefrontRoutes } from "../../simulator/storefront-routes.ts";
import type { Logger } from "../server/logger.ts";
import { DEMO_SHOP } from "./install-demo-shop.ts";

export type DevSimulator = {
  sim: Simulator;
  /** True when there was no saved state and the demo shop was just seeded. */
  seeded: boolean;
  close(): Promise<void>;
};

/**
 * The Shopify simulator of the playground, with the storefront and the console mounted. Its state
 * is saved to `${dataDir}/simulator.json` after every change and on close, and loaded at start:
 * the app's database refers to its ids, which must stay the same from one run to the next.
 */
export async function startDevSimulator(input: {
  apiKey: string;
  apiSecret: string;
  port: number;
  dataDir: string;
  webhookTopics: string[];
  /** The app as the simulator reaches it (webhooks, app proxy). */
  appUrl: string;
  /** The app as a browser reaches it (the console's admin link). */
  publicAppUrl: string;
  mailUrl: () => string | undefined;
  logger: Logger;
}): Promise<DevSimulator> {
  const file = path.join(input.dataDir, "simulator.json");
  const saved = await loadStateFile(file);
  let schedule = () => undefined as void;
  const sim = await createSimulator({
    apiKey: input.apiKey,
    apiSecret: input.apiSecret,
    port: input.port,
    webhookTopics: input.webhookTopics,
    ...(saved ? { state: saved } : {}),
    onChange: () => schedule(),
    routes: (s) =>
      express
        .Router()
        .use(
          createConsoleRoutes({
            sim: s,
            adminUrl: () => input.publicAppUrl,
            mailUrl: input.mailUrl,
            defaultShop: DEMO_SHOP,
          }),
        )
        .use(
          createStorefrontRoutes({
            sim: s,
            apiSecret: input.apiSecret,
            appUrl: () => input.appUrl,
            defaultShop: DEMO_SHOP,
            // The demo shop texts too (web/dev/setup-demo-sms.ts): its notify-me block asks for either.
            blockSettings: () => ({ "notify-me": { channels: "both" } }),
          }),
        ),
  });
  const persister = createStatePersister({
    file,
    read: () => sim.exportState(),
    onError: (err) => input.logger.error({ err }, "could not save the simulator state"),
  });
  schedule = () => persister.schedule();
  if (!saved) {
    seedDemoShop(sim, { domain: DEMO_SHOP });
    await persister.flush();
    input.logger.info({ shop: DEMO_SHOP }, "demo shop seeded");
  } else {
    input.logger.info({ shops: saved.shops.length, orders: saved.orders.length }, "simulator state loaded");
  }
  return {
    sim,
    seeded: !saved,
    close: async () => {
      await sim.close();
      await persister.flush();
    },
  };
}

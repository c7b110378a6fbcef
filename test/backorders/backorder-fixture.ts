import type { Prisma } from "@prisma/client";
import type { RunningWorker } from "../../jobs/create-worker.ts";
import type { JobHandler } from "../../jobs/job-handlers-type.ts";
import { createSimulator, type Simulator } from "../../simulator/create-simulator.ts";
import { createStorefrontRoutes } from "../../simulator/storefront-routes.ts";
import { startInitialSync } from "../../web/server/backorders/start-initial-sync.ts";
import { createMailer, type Mailer } from "../../web/server/notifications/create-mailer.ts";
import { startSmtpCatcher, type SmtpCatcher } from "../helpers/smtp-catcher.ts";
import { startTestApp, TEST_API_KEY, TEST_API_SECRET, type TestApp } from "../helpers/start-test-app.ts";
import { waitFor } from "../helpers/wait-for.ts";
import { storeOfflineSession } from "../helpers/store-offline-session.ts";

export type BackorderShop = { id: string; domain: string; locationId: bigint };

export type BackorderFixture = {
  sim: Simulator;
  app: TestApp;
  smtp: SmtpCatcher;
  /** The fixture's worker (closed with the app). */
  worker: RunningWorker;
  addShop(settings?: Prisma.ShopSettingsCreateWithoutShopInput): Promise<BackorderShop>;
  /** A CONTINUE variant (sellable when out of stock) with this much stock at the first location. */
  addVariant(
    shop: BackorderShop,
    title: string,
    stock: number,
    eta?: string,
  ): Promise<{ productId: bigint; variantId: bigint; inventoryItemId: bigint }>;
  /** Runs the initial sync (bulk operation) and waits until the shop is synced. */
  sync(shop: BackorderShop): Promise<void>;
  /** Waits until webhooks were delivered and every queue is drained. */
  settle(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
};

/** Simulator (webhooks to the app), app + worker, SMTP catcher with a real mailer. */
export async function startBackorderFixture(
  opts: {
    concurrency?: number;
    handlers?: readonly JobHandler[];
    /** Serve the shops' storefronts (product and order status pages) as the playground does. */
    storefront?: boolean;
  } = {},
): Promise<BackorderFixture> {
  // The app starts after the simulator; the storefront's app proxy reads its URL when called.
  const started: { appUrl?: string } = {};
  const sim = await createSimulator({
    apiKey: TEST_API_KEY,
    apiSecret: TEST_API_SECRET,
    webhookRetry: { attempts: 3, baseDelayMs: 50 },
    ...(opts.storefront
      ? {
          routes: (s: Simulator) =>
            createStorefrontRoutes({ sim: s, apiSecret: TEST_API_SECRET, appUrl: () => started.appUrl }),
        }
      : {}),
  });
  const app = await startTestApp({ env: { SHOPIFY_ADMIN_ORIGIN: sim.origin } });
  started.appUrl = app.url;
  const smtp = await startSmtpCatcher();
  const mailer: Mailer = createMailer({ smtpUrl: smtp.url }, { socketTimeoutMs: 2_000 });
  app.workerDeps.mailer = mailer;
  sim.setAppUrl(app.url);
  const worker = await app.startWorker({
    concurrency: opts.concurrency ?? 8,
    ...(opts.handlers ? { handlers: opts.handlers } : {}),
  });
  const db = app.deps.db;

  const settle = async (timeoutMs = 60_000) => {
    await sim.waitForDeliveries();
    // Two quiet reads in a row: a job may enqueue another (recompute -> notify -> send).
    let quiet = 0;
    await waitFor(
      async () => {
        const counts = await Promise.all(
          (["events", "shopify", "email"] as const).map((q) =>
            app.deps.queues
              .get(q)
              .getJobCounts("waiting", "active", "delayed", "prioritized", "waiting-children"),
          ),
        );
        const busy = counts.some((c) => Object.values(c).some((n) => n > 0));
        const pending = await db.webhookEvent.count({ where: { status: "RECEIVED" } });
        quiet = busy || pending > 0 ? 0 : quiet + 1;
        return quiet >= 3 ? true : null;
      },
      timeoutMs,
      100,
    );
    // Mutations the jobs made (a selling policy switched, a tag) may have queued webhooks of their own.
    await sim.waitForDeliveries();
  };

  return {
    sim,
    app,
    smtp,
    worker,
    settle,
    async addShop(settings = {}) {
      const simShop = sim.createShop({
        name: `Backorder shop ${Math.random().toString(36).slice(2, 7)}`,
        ianaTimezone: "UTC",
      });
      await storeOfflineSession(app, simShop.domain, sim.issueAccessToken(simShop.domain));
      const shop = await db.shop.create({
        data: { domain: simShop.domain, name: simShop.name, timezone: "UTC", settings: { create: settings } },
      });
      return { id: shop.id, domain: simShop.domain, locationId: simShop.locationIds[0]! };
    },
    async addVariant(shop, title, stock, eta) {
      const created = sim.createProduct(shop.domain, {
        title,
        variants: [{ title: "Default Title", price: "20.00", inventoryPolicy: "CONTINUE", inventory: stock }],
      });
      const variant = created.variants[0]!;
      if (eta) {
        await db.variantEta.create({
          data: { shopId: shop.id, variantId: variant.id, etaDate: new Date(`${eta}T00:00:00Z`) },
        });
      }
      return {
        productId: created.product.id,
        variantId: variant.id,
        inventoryItemId: variant.inventoryItemId,
      };
    },
    async sync(shop) {
      await startInitialSync(app.deps, { id: shop.id, installedAt: new Date() });
      await waitFor(async () => {
        const row = await db.shop.findUniqueOrThrow({ where: { id: shop.id } });
        if (row.syncStatus === "FAILED") throw new Error("sync failed");
        return row.syncStatus === "DONE" ? row : null;
      }, 30_000);
      await settle();
    },
    async close() {
      await app.close();
      mailer.close();
      await smtp.close();
      await sim.close();
    },
  };
}

/**
 * A call to the shop's admin API (`/api...`) with a session token, as the embedded admin makes it;
 * with `body`, a POST of that JSON.
 */
export async function shopApi(
  f: BackorderFixture,
  shop: BackorderShop,
  path: string,
  body?: unknown,
): Promise<Response> {
  const token = await f.sim.mintSessionToken({ shop: shop.domain });
  const headers = { Authorization: `Bearer ${token}`, "Content-Type": "application/json" };
  if (body === undefined) return fetch(`${f.app.url}/api${path}`, { headers });
  return fetch(`${f.app.url}/api${path}`, { method: "POST", headers, body: JSON.stringify(body) });
}

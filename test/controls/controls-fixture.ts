import { Session } from "@shopify/shopify-api";
import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";
import type { Prisma } from "@prisma/client";
import { CONTROL_JOB_HANDLERS } from "../../jobs/controls/control-jobs.ts";
import { createWorker, type RunningWorker } from "../../jobs/create-worker.ts";
import { JOB_HANDLERS } from "../../jobs/job-handlers.ts";
import { createSimulator, type Simulator } from "../../simulator/create-simulator.ts";
import { startInitialSync } from "../../web/server/backorders/start-initial-sync.ts";
import { createMailer, type Mailer } from "../../web/server/notifications/create-mailer.ts";
import { startSmtpCatcher, type SmtpCatcher } from "../helpers/smtp-catcher.ts";
import { startTestApp, TEST_API_KEY, TEST_API_SECRET, type TestApp } from "../helpers/start-test-app.ts";
import { waitFor } from "../helpers/wait-for.ts";

export type ControlsShop = { id: string; domain: string; locationId: bigint };

export type ControlsFixture = {
  sim: Simulator;
  app: TestApp;
  addShop(settings?: Prisma.ShopSettingsCreateWithoutShopInput): Promise<ControlsShop>;
  /** One CONTINUE variant with this much stock at the shop's first location. */
  addVariant(
    shop: ControlsShop,
    title: string,
    stock: number,
  ): Promise<{ productId: bigint; variantId: bigint; inventoryItemId: bigint }>;
  sync(shop: ControlsShop): Promise<void>;
  /** Webhooks delivered and every queue drained. */
  settle(): Promise<void>;
  close(): Promise<void>;
};

/**
 * Like test/backorders/backorder-fixture.ts, but the worker also runs the controls' jobs (until
 * CONTROL_JOB_HANDLERS is merged into JOB_HANDLERS, the app's own list would refuse them).
 */
export async function startControlsFixture(): Promise<ControlsFixture> {
  const sim = await createSimulator({
    apiKey: TEST_API_KEY,
    apiSecret: TEST_API_SECRET,
    webhookRetry: { attempts: 3, baseDelayMs: 50 },
  });
  const app = await startTestApp({ env: { SHOPIFY_ADMIN_ORIGIN: sim.origin } });
  const smtp: SmtpCatcher = await startSmtpCatcher();
  const mailer: Mailer = createMailer({ smtpUrl: smtp.url }, { socketTimeoutMs: 2_000 });
  app.workerDeps.mailer = mailer;
  sim.setAppUrl(app.url);
  const known = new Set(JOB_HANDLERS.map((h) => h.definition.name));
  const worker: RunningWorker = await createWorker(app.workerDeps, {
    concurrency: 8,
    schedule: false,
    handlers: [...JOB_HANDLERS, ...CONTROL_JOB_HANDLERS.filter((h) => !known.has(h.definition.name))],
  });
  const db = app.deps.db;

  const settle = async () => {
    await sim.waitForDeliveries();
    let quiet = 0;
    await waitFor(
      async () => {
        const counts = await Promise.all(
          (["events", "shopify", "email"] as const).map((q) =>
            app.deps.queues.get(q).getJobCounts("waiting", "active", "delayed", "prioritized"),
          ),
        );
        const busy = counts.some((c) => Object.values(c).some((n) => n > 0));
        const pending = await db.webhookEvent.count({ where: { status: "RECEIVED" } });
        quiet = busy || pending > 0 ? 0 : quiet + 1;
        return quiet >= 3 ? true : null;
      },
      60_000,
      100,
    );
    await sim.waitForDeliveries();
  };

  return {
    sim,
    app,
    settle,
    async addShop(settings = {}) {
      const simShop = sim.createShop({
        name: `Controls ${Math.random().toString(36).slice(2, 7)}`,
        ianaTimezone: "UTC",
      });
      const api = app.deps.shopify.api;
      await new PrismaSessionStorage(db).storeSession(
        new Session({
          id: api.session.getOfflineId(simShop.domain),
          shop: simShop.domain,
          state: "test",
          isOnline: false,
          accessToken: sim.issueAccessToken(simShop.domain),
          scope: app.config.scopes.join(","),
        }),
      );
      const shop = await db.shop.create({
        data: { domain: simShop.domain, name: simShop.name, timezone: "UTC", settings: { create: settings } },
      });
      return { id: shop.id, domain: simShop.domain, locationId: simShop.locationIds[0]! };
    },
    async addVariant(shop, title, stock) {
      const created = sim.createProduct(shop.domain, {
        title,
        variants: [{ title: "Default Title", price: "20.00", inventoryPolicy: "CONTINUE", inventory: stock }],
      });
      const variant = created.variants[0]!;
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
      await worker.close();
      await app.close();
      mailer.close();
      await smtp.close();
      await sim.close();
    },
  };
}

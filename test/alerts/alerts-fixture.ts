import type { Prisma } from "@prisma/client";
import { createSimulator, type Simulator } from "../../simulator/create-simulator.ts";
import { createMailer, type Mailer } from "../../web/server/notifications/create-mailer.ts";
import { startSmtpCatcher, type SmtpCatcher } from "../helpers/smtp-catcher.ts";
import { startTestApp, TEST_API_KEY, TEST_API_SECRET, type TestApp } from "../helpers/start-test-app.ts";
import { storeOfflineSession } from "../helpers/store-offline-session.ts";
import { signProxyParams } from "../../web/server/proxy/verify-proxy-signature.ts";
import express from "express";
import { createStorefrontRoutes } from "../../simulator/storefront-routes.ts";
import { storefrontUrl } from "../../simulator/storefront/storefront-urls.ts";

export type AlertsFixture = {
  sim: Simulator;
  app: TestApp;
  smtp: SmtpCatcher;
  mailer: Mailer;
  clock: { now: Date; advanceMinutes(minutes: number): void };
  addShop(name: string, settings?: Prisma.ShopSettingsCreateWithoutShopInput): Promise<TestShop>;
  close(): Promise<void>;
};

export type TestShop = {
  id: string;
  domain: string;
  locationId: bigint;
  addVariant(input: { title: string; stock: number; price?: string }): Promise<TestVariant>;
};

export type TestVariant = { variantId: bigint; inventoryItemId: bigint; productId: bigint };

/**
 * Simulator + app (worker deps with a real pooled mailer) + SMTP catcher + a controllable clock;
 * `env` adds settings of the app's (TRUST_PROXY, …). With `storefront`, the simulator serves the
 * shops' storefronts (theme blocks, the app proxy) and each shop's store URL points there.
 */
export async function startAlertsFixture(
  opts: { env?: Record<string, string>; storefront?: boolean } = {},
): Promise<AlertsFixture> {
  const clock = {
    now: new Date(),
    advanceMinutes(minutes: number) {
      clock.now = new Date(clock.now.getTime() + minutes * 60_000);
    },
  };
  let appUrl = "";
  const sim = await createSimulator({
    apiKey: TEST_API_KEY,
    apiSecret: TEST_API_SECRET,
    ...(opts.storefront
      ? {
          routes: (s: Simulator) =>
            express
              .Router()
              .use(createStorefrontRoutes({ sim: s, apiSecret: TEST_API_SECRET, appUrl: () => appUrl })),
        }
      : {}),
  });
  const app = await startTestApp({
    env: { SHOPIFY_ADMIN_ORIGIN: sim.origin, ...opts.env },
    now: () => clock.now,
  });
  appUrl = app.url;
  const smtp = await startSmtpCatcher();
  const mailer = createMailer({ smtpUrl: smtp.url }, { socketTimeoutMs: 2_000 });
  app.workerDeps.mailer = mailer;
  const db = app.deps.db;

  async function addShop(
    name: string,
    settings: Prisma.ShopSettingsCreateWithoutShopInput = {},
  ): Promise<TestShop> {
    const simShop = sim.createShop({ name, currency: "EUR" });
    const domain = simShop.domain;
    await storeOfflineSession(app, domain, sim.issueAccessToken(domain));
    const shop = await db.shop.create({
      data: {
        domain,
        name,
        currency: "EUR",
        syncStatus: "DONE",
        ...(opts.storefront ? { storefrontUrl: storefrontUrl(sim.origin, domain) } : {}),
        settings: { create: settings },
      },
    });
    const locationId = simShop.locationIds[0]!;
    return {
      id: shop.id,
      domain,
      locationId,
      async addVariant(input) {
        const created = sim.createProduct(domain, {
          title: input.title,
          imageUrl: "https://cdn.example/hoodie.png",
          variants: [
            {
              title: "Forest / M",
              price: input.price ?? "89.00",
              inventoryPolicy: "DENY",
              inventory: input.stock,
            },
          ],
        });
        const variant = created.variants[0]!;
        await db.product.create({
          data: {
            shopId: shop.id,
            productId: created.product.id,
            title: input.title,
            handle: created.product.handle,
            imageUrl: created.product.imageUrl,
          },
        });
        await db.variant.create({
          data: {
            shopId: shop.id,
            variantId: variant.id,
            productId: created.product.id,
            inventoryItemId: variant.inventoryItemId,
            title: "Forest / M",
            price: input.price ?? "89.00",
            available: input.stock,
            aboveThreshold: input.stock > 0,
          },
        });
        return {
          variantId: variant.id,
          inventoryItemId: variant.inventoryItemId,
          productId: created.product.id,
        };
      },
    };
  }

  return {
    sim,
    app,
    smtp,
    mailer,
    clock,
    addShop,
    close: async () => {
      await app.close();
      mailer.close();
      await smtp.close();
      await sim.close();
    },
  };
}

/** ACTIVE subscriptions created a minute apart (oldest first); returns their emails in that order. */
export async function addSubscribers(
  app: TestApp,
  shopId: string,
  variantId: bigint,
  count: number,
  prefix: string,
  start = new Date(Date.now() - 24 * 3600 * 1000),
): Promise<string[]> {
  const emails = Array.from(
    { length: count },
    (_, i) => `${prefix}-${String(i).padStart(5, "0")}@example.com`,
  );
  await app.deps.db.subscription.createMany({
    data: emails.map((email, i) => ({
      shopId,
      variantId,
      email,
      status: "ACTIVE" as const,
      activeKey: `${variantId}:${email}`,
      confirmToken: `c-${prefix}-${i}-${Math.random().toString(36).slice(2)}`,
      unsubscribeToken: randomToken(),
      createdAt: new Date(start.getTime() + i * 60_000),
      confirmedAt: new Date(start.getTime() + i * 60_000),
    })),
  });
  return emails;
}

/** One alert of an address (ACTIVE, PENDING or already NOTIFIED), optionally a customer's; its id. */
export async function addAlert(
  app: TestApp,
  input: {
    shopId: string;
    variantId: bigint;
    email: string;
    status: "ACTIVE" | "PENDING" | "NOTIFIED";
    customerId?: string;
    locale?: string;
  },
): Promise<string> {
  const { shopId, variantId, email, status } = input;
  const sub = await app.deps.db.subscription.create({
    data: {
      shopId,
      variantId,
      email,
      status,
      locale: input.locale ?? "en",
      customerId: input.customerId ? BigInt(input.customerId) : null,
      activeKey: status === "NOTIFIED" ? null : `${variantId}:${email}`,
      confirmToken: randomToken(),
      unsubscribeToken: randomToken(),
    },
  });
  return sub.id;
}

export function randomToken(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(24))).toString("base64url");
}

/** A storefront signup through the app proxy, signed as Shopify signs it (the shopper's IP forwarded). */
export function proxySignup(
  app: TestApp,
  shopDomain: string,
  body: Record<string, unknown>,
  opts: { ip: string; customerId?: string },
): Promise<Response> {
  const params = new URLSearchParams({
    shop: shopDomain,
    logged_in_customer_id: opts.customerId ?? "",
    path_prefix: "/apps/backorder",
    timestamp: String(Math.floor(Date.now() / 1000)),
  });
  params.set("signature", signProxyParams(params, TEST_API_SECRET));
  return fetch(`${app.url}/proxy/subscriptions?${params}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Forwarded-For": opts.ip },
    body: JSON.stringify(body),
  });
}

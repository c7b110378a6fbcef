// The theme blocks in a real browser, on the simulator's storefront: the ETA comes from the app's
// variant metafields rendered in Liquid, switching variants changes it with no request to the app,
// and the notify-me form subscribes through the signed app proxy.
import fs from "node:fs";
import path from "node:path";
import express from "express";
import type { Browser } from "playwright-core";
import { launchChromium } from "../helpers/launch-chromium.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSimulator, type Simulator } from "../../simulator/create-simulator.ts";
import { gid } from "../../simulator/gid.ts";
import { createStorefrontRoutes, PROXY_PREFIX } from "../../simulator/storefront-routes.ts";
import { startTestApp, TEST_API_KEY, TEST_API_SECRET, type TestApp } from "../helpers/start-test-app.ts";
import { waitFor } from "../helpers/wait-for.ts";

const ARTIFACTS = path.resolve(import.meta.dirname, "../artifacts/storefront");

describe("storefront theme blocks in Chromium", () => {
  let sim: Simulator;
  let app: TestApp;
  let browser: Browser;
  let shop: string;
  let handle: string;
  let ids: { backordered: bigint; inStock: bigint; soldOut: bigint };

  beforeAll(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    let appUrl = "";
    sim = await createSimulator({
      apiKey: TEST_API_KEY,
      apiSecret: TEST_API_SECRET,
      webhookRetry: { attempts: 2, baseDelayMs: 50 },
      routes: (s) =>
        express
          .Router()
          .use(createStorefrontRoutes({ sim: s, apiSecret: TEST_API_SECRET, appUrl: () => appUrl })),
    });
    app = await startTestApp({ env: { SHOPIFY_ADMIN_ORIGIN: sim.origin } });
    appUrl = app.url;
    sim.setAppUrl(app.url);
    await app.startWorker();
    shop = sim.createShop({ name: "Storefront Test" }).domain;
    const product = sim.createProduct(shop, {
      title: "Waxed Canvas Jacket",
      variants: [
        { title: "S", price: "180.00", inventoryPolicy: "CONTINUE", inventory: 0 },
        { title: "M", price: "180.00", inventoryPolicy: "DENY", inventory: 5 },
        { title: "L", price: "180.00", inventoryPolicy: "DENY", inventory: 0 },
      ],
    });
    handle = product.product.handle;
    const [s, m, l] = product.variants.map((v) => v.id) as [bigint, bigint, bigint];
    ids = { backordered: s, inStock: m, soldOut: l };

    // Install (token exchange) and wait for the initial sync, then set an ETA through the admin API.
    const api = async (method: string, url: string, body?: unknown) =>
      fetch(`${app.url}${url}`, {
        method,
        headers: {
          Authorization: `Bearer ${await sim.mintSessionToken({ shop })}`,
          "Content-Type": "application/json",
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    expect((await api("GET", "/api/shop")).status).toBe(200);
    await waitFor(async () => {
      const row = await app.deps.db.shop.findUniqueOrThrow({ where: { domain: shop } });
      return row.syncStatus === "DONE" ? row : null;
    }, 30_000);
    const put = await api("PUT", `/api/etas/${ids.backordered}`, {
      eta: "2099-12-12",
      message: "Made to order",
    });
    expect(put.status).toBe(200);
    // The worker pushes the resolved ETA to the variant's app-owned metafields.
    await waitFor(async () => {
      const fields = sim.getMetafields(gid("ProductVariant", ids.backordered));
      return fields.some((f) => f.key === "eta" && f.value === "2099-12-12") ? fields : null;
    }, 30_000);
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await sim?.close();
  });

  it("shows the ETA, switches it with the variant without calling the app, and subscribes to a sold-out variant", async () => {
    const page = await browser.newPage();
    const proxyCalls: string[] = [];
    page.on("request", (r) => {
      if (new URL(r.url()).pathname.startsWith(PROXY_PREFIX)) proxyCalls.push(`${r.method()} ${r.url()}`);
    });
    await page.goto(`${sim.origin}/products/${handle}?shop=${shop}&variant=${ids.backordered}`);
    const eta = page.locator("[data-bo-block=eta] [data-bo-text]");
    // Not this year: the year is shown.
    await expect.poll(() => eta.textContent()).toBe("Backordered: ships by 12 Dec 2099");
    await expect
      .poll(() => page.locator("[data-bo-block=eta] [data-bo-message]").textContent())
      .toContain("Made to order");
    await page.screenshot({ path: path.join(ARTIFACTS, "1-backordered.png"), fullPage: true });

    await page.selectOption('form[action="/cart/add"] [name="id"]', String(ids.inStock));
    await expect.poll(() => eta.textContent()).toBe("In stock");
    await page.screenshot({ path: path.join(ARTIFACTS, "2-in-stock.png"), fullPage: true });
    expect(proxyCalls).toEqual([]); // rendered from metafields: no request to the app

    await page.selectOption('form[action="/cart/add"] [name="id"]', String(ids.soldOut));
    const form = page.locator("[data-bo-block=notify] form");
    await expect.poll(() => form.isVisible()).toBe(true);
    await form.getByLabel("Email").fill("Shopper@Example.com");
    await form.getByRole("button", { name: "Notify me" }).click();
    const status = page.locator("[data-bo-block=notify] [data-bo-status]");
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toContain("Thanks!");
    await page.screenshot({ path: path.join(ARTIFACTS, "3-notify-me-subscribed.png"), fullPage: true });

    expect(proxyCalls).toEqual([expect.stringMatching(/^POST .*\/apps\/backorder\/subscriptions/)]);
    const subscription = await app.deps.db.subscription.findFirstOrThrow({
      where: { variantId: ids.soldOut },
    });
    expect(subscription).toMatchObject({ email: "shopper@example.com", status: "PENDING" });
  }, 60_000);
});

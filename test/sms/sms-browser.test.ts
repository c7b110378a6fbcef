// The SMS channel as people see it, in Chromium: the notify-me block asking for a phone with its
// own consent box on the simulator's storefront, and the admin's SMS text editor counting segments.
import express from "express";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSimulator, type Simulator } from "../../simulator/create-simulator.ts";
import { createStorefrontRoutes } from "../../simulator/storefront-routes.ts";
import { updateSmsSettings } from "../../web/server/sms/sms-settings-repository.ts";
import { launchChromium } from "../helpers/launch-chromium.ts";
import { startTestApp, TEST_API_KEY, TEST_API_SECRET, type TestApp } from "../helpers/start-test-app.ts";
import { waitFor } from "../helpers/wait-for.ts";
import {
  BROWSER_SHOP,
  openAdminBrowserSession,
  visit,
  type AdminBrowserSession,
} from "../admin/helpers/admin-browser-session.ts";

describe("SMS signup on the storefront in Chromium", () => {
  let sim: Simulator;
  let app: TestApp;
  let browser: Browser;
  let shop: string;
  let handle: string;
  let soldOut: bigint;

  beforeAll(async () => {
    let appUrl = "";
    sim = await createSimulator({
      apiKey: TEST_API_KEY,
      apiSecret: TEST_API_SECRET,
      webhookRetry: { attempts: 2, baseDelayMs: 50 },
      routes: (s) =>
        express.Router().use(
          createStorefrontRoutes({
            sim: s,
            apiSecret: TEST_API_SECRET,
            appUrl: () => appUrl,
            blockSettings: () => ({ "notify-me": { channels: "both" } }),
          }),
        ),
    });
    app = await startTestApp({ env: { SHOPIFY_ADMIN_ORIGIN: sim.origin } });
    appUrl = app.url;
    sim.setAppUrl(app.url);
    await app.startWorker();
    shop = sim.createShop({ name: "Phone Shop" }).domain;
    const product = sim.createProduct(shop, {
      title: "Linen Shirt",
      variants: [{ title: "L", price: "60.00", inventoryPolicy: "DENY", inventory: 0 }],
    });
    handle = product.product.handle;
    soldOut = product.variants[0]!.id;
    const token = await sim.mintSessionToken({ shop });
    expect(
      (await fetch(`${app.url}/api/shop`, { headers: { Authorization: `Bearer ${token}` } })).status,
    ).toBe(200);
    const row = await waitFor(async () => {
      const found = await app.deps.db.shop.findUniqueOrThrow({ where: { domain: shop } });
      return found.syncStatus === "DONE" ? found : null;
    }, 30_000);
    await updateSmsSettings(app.deps.db, app.config, row.id, {
      enabled: true,
      signupChannels: "both",
      accountSid: `AC${"b2".repeat(16)}`,
      authToken: "browser-test-token",
      fromNumber: "+15005550006",
      baseUrl: sim.origin,
    });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await sim?.close();
  });

  it("asks for the consent box before taking a phone, then stores the number in E.164 with the wording shown", async () => {
    const page = await browser.newPage();
    await page.goto(`${sim.origin}/products/${handle}?shop=${shop}&variant=${soldOut}`);
    const form = page.locator("[data-bo-block=notify] form");
    await expect.poll(() => form.isVisible()).toBe(true);
    const status = page.locator("[data-bo-block=notify] [data-bo-status]");
    await form.getByLabel("Phone (text message)").fill("(415) 555-2671");
    await form.getByRole("button", { name: "Notify me" }).click();
    await expect.poll(() => status.textContent()).toBe("Please tick the box to get a text message.");
    expect(await app.deps.db.subscription.count({ where: { variantId: soldOut } })).toBe(0);

    const consent = form.getByRole("checkbox", { name: /Text me once when it's back in stock/ });
    await consent.check();
    await form.getByRole("button", { name: "Notify me" }).click();
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toContain("Thanks!");
    const subscription = await app.deps.db.subscription.findFirstOrThrow({ where: { variantId: soldOut } });
    expect(subscription).toMatchObject({ email: null, phone: "+14155552671", status: "ACTIVE" });
    expect(subscription.smsConsentText).toBe(
      "Text me once when it's back in stock. Msg & data rates may apply. Reply STOP to opt out.",
    );
  }, 60_000);

  it("offers what the merchant chose in the app, whatever the theme editor says (shop metafield, no app call)", async () => {
    const token = await sim.mintSessionToken({ shop });
    const choose = async (signupChannels: string) => {
      const res = await fetch(`${app.url}/api/sms-settings`, {
        method: "PUT",
        headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
        body: JSON.stringify({ signupChannels }),
      });
      expect(res.status).toBe(200);
      // The worker's job writes the app-owned shop metafield through the Admin API.
      await waitFor(async () => {
        const state = sim.exportState();
        const shopGid = `gid://shopify/Shop/${state.shops.find((s) => s.domain === shop)!.id}`;
        const mf = state.metafields.find((m) => m.ownerGid === shopGid && m.key === "signup_channels");
        return mf?.value === signupChannels ? mf : null;
      }, 15_000);
    };
    const page = await browser.newPage();
    const form = page.locator("[data-bo-block=notify] form");
    const open = async () => {
      await page.goto(`${sim.origin}/products/${handle}?shop=${shop}&variant=${soldOut}`);
      await expect.poll(() => form.isVisible()).toBe(true);
    };

    // The theme editor says "both"; the merchant picks phone only in the app.
    await choose("phone");
    await open();
    await expect.poll(() => form.getByLabel("Phone (text message)").isVisible()).toBe(true);
    expect(await form.locator("input[name=email]").count()).toBe(0);
    expect(await form.getByRole("checkbox", { name: /Text me once/ }).count()).toBe(1);

    await choose("email");
    await open();
    expect(await form.locator("input[name=email]").count()).toBe(1);
    expect(await form.locator("input[name=phone]").count()).toBe(0);
    expect(await form.getByRole("checkbox", { name: /Text me once/ }).count()).toBe(0);
    await page.close();
  }, 60_000);
});

describe("SMS texts in the admin in Chromium", () => {
  let session: AdminBrowserSession;
  beforeAll(async () => {
    session = await openAdminBrowserSession();
  }, 180_000);
  afterAll(() => session?.close());

  it("counts segments as the merchant types and saves the text", async () => {
    const { app, page, shopId } = session;
    const token = await app.token(BROWSER_SHOP, { ttlSeconds: 60 });
    await page.goto(`${app.url}/admin?shop=${BROWSER_SHOP}&id_token=${token}`, { waitUntil: "load" });
    await page.getByRole("heading", { name: "Dashboard", level: 1 }).waitFor();
    await visit(page, "Settings", "Settings");
    const field = page.getByRole("textbox", { name: "restock · en" });
    await field.waitFor();
    const counter = page.locator('[data-sms-segments="restock:en"]');
    await field.fill("Back: {{ url }}");
    // Counted as sent: {{ url }} becomes a product link of typical length (218 characters), so the
    // 15 characters of Liquid cost two segments.
    await expect.poll(() => counter.textContent()).toBe("2 segments · GSM-7 · 224/306");
    await field.fill("Back: {{ product_title }}");
    await expect.poll(() => counter.textContent()).toBe("1 segment · GSM-7 · 25/160");
    await field.fill(`Back ${"ő".repeat(70)}`);
    await expect.poll(() => counter.textContent()).toBe("2 segments · UCS-2 · 75/134");
    await page.getByRole("button", { name: "Save restock · en" }).click();
    await page.getByText("SMS text saved").waitFor();
    const saved = await app.deps.db.smsTemplate.findFirstOrThrow({ where: { shopId, locale: "en" } });
    expect(saved.body).toBe(`Back ${"ő".repeat(70)}`);
  }, 120_000);
});

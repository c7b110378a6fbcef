// "Sync now" in the embedded admin, in Chromium: the merchant starts a reconciliation, watches its
// progress (orders read / processed) and reads the result; the interval setting saves like any other.
import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../helpers/launch-chromium.ts";
import { startBackorderFixture, type BackorderFixture } from "../backorders/backorder-fixture.ts";
import { ensureAdminBuild } from "./helpers/ensure-admin-build.ts";
import { ARTIFACTS, saveFromSaveBar } from "./helpers/admin-browser-session.ts";

describe("Sync now in the admin", () => {
  let f: BackorderFixture;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ensureAdminBuild();
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    f = await startBackorderFixture();
    browser = await launchChromium();
    page = await browser.newPage({
      viewport: { width: 1280, height: 900 },
      locale: "en-GB",
      timezoneId: "UTC",
    });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await f?.close();
  });

  it("runs a reconciliation on demand with progress, recovering the order whose webhook was lost", async () => {
    const shop = await f.addShop();
    const rug = await f.addVariant(shop, "Wool Rug", 5);
    await f.sync(shop);
    f.sim.placeOrder(shop.domain, {
      email: "kai@example.com",
      lines: [{ variantId: rug.variantId, quantity: 1 }],
    });
    f.sim.webhooks.drop({ shop: shop.domain, topic: "orders/create", count: 1 });
    const lost = f.sim.placeOrder(shop.domain, {
      email: "lou@example.com",
      lines: [{ variantId: rug.variantId, quantity: 1 }],
    });
    await f.settle();
    expect(await f.app.deps.db.order.count({ where: { shopId: shop.id } })).toBe(1);

    const token = await f.sim.mintSessionToken({ shop: shop.domain });
    await page.goto(`${f.app.url}/admin/settings?shop=${shop.domain}&id_token=${token}`, {
      waitUntil: "load",
    });
    await page.getByRole("heading", { name: "Settings", level: 1 }).waitFor();
    await page.getByRole("heading", { name: "Order reconciliation" }).waitFor();
    expect(await page.getByLabel("Reconcile orders every").inputValue()).toBe("30");
    const status = page.locator("[data-sync-status]");
    await expect.poll(() => status.textContent()).toBe("Not reconciled yet.");

    // Shopify's bucket is empty: the run's first read waits a few seconds, so its progress shows.
    f.sim.setBucket(shop.domain, { currentlyAvailable: 0, restoreRate: 300 });
    await page.getByRole("button", { name: "Sync now" }).click();
    // Queued, then running: the worker has the job and waits for Shopify's bucket to refill.
    await status.getByText(/^Sync(ing…|\s+queued…) 0 orders read, 0 processed, 0 recovered$/).waitFor();
    await status.getByText("Syncing… 0 orders read, 0 processed, 0 recovered").waitFor();
    expect(await page.getByRole("button", { name: "Sync now" }).isDisabled()).toBe(true);
    // The API while a run is under way: a second start follows the same run.
    const again = await fetch(`${f.app.url}/api/reconciliation/sync`, {
      method: "POST",
      headers: { Authorization: `Bearer ${await f.sim.mintSessionToken({ shop: shop.domain })}` },
    });
    expect(again.status).toBe(200);
    expect(((await again.json()) as { started: boolean }).started).toBe(false);
    await page.screenshot({ path: path.join(ARTIFACTS, "order-sync-running.png"), fullPage: true });

    await status.getByText(/^Last sync finished .+: 2 orders read, 2 processed, 1 recovered\.$/).waitFor({
      timeout: 30_000,
    });
    expect(await page.getByRole("button", { name: "Sync now" }).isDisabled()).toBe(false);
    await page.screenshot({ path: path.join(ARTIFACTS, "order-sync-done.png"), fullPage: true });
    await f.settle();
    expect(
      await f.app.deps.db.order.findFirst({
        where: { shopId: shop.id, orderId: lost.id },
        select: { name: true },
      }),
    ).toEqual({ name: lost.name });

    // The interval is a setting like the others: refused out of range, saved in range.
    await page.getByLabel("Reconcile orders every").fill("2");
    await saveFromSaveBar(page);
    await page.getByText("Some settings need fixing").waitFor();
    await page.getByLabel("Reconcile orders every").fill("15");
    await saveFromSaveBar(page);
    await page.getByText("Settings saved").waitFor();
    const settings = await f.app.deps.db.shopSettings.findUniqueOrThrow({ where: { shopId: shop.id } });
    expect(settings.orderReconcileMinutes).toBe(15);
  }, 120_000);
});

// Non-Plus shops: the shopper sees the backorder estimate before paying, in a real browser on the
// simulator's storefront. The product form carries it as a line item property to the cart, the
// checkout summary and the order's webhook; the cart block shows it from the variant metafields.
// The German storefront (/de) shows dates the German way, with the year only when not this one.
import fs from "node:fs";
import path from "node:path";
import express from "express";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSimulator, type Simulator } from "../../simulator/create-simulator.ts";
import { gid } from "../../simulator/gid.ts";
import { createStorefrontRoutes, PROXY_PREFIX } from "../../simulator/storefront-routes.ts";
import { launchChromium } from "../helpers/launch-chromium.ts";
import { startTestApp, TEST_API_KEY, TEST_API_SECRET, type TestApp } from "../helpers/start-test-app.ts";
import { waitFor } from "../helpers/wait-for.ts";

const ARTIFACTS = path.resolve(import.meta.dirname, "../artifacts/storefront");
const YEAR = new Date().getUTCFullYear();
// Both in the future whatever the day: the last day of this year, and a day next year.
const THIS_YEAR_ETA = `${YEAR}-12-31`;
const NEXT_YEAR_ETA = `${YEAR + 1}-01-15`;
const ID_SELECT = 'form[action$="/cart/add"] [name="id"]';

describe("cart and checkout show the backorder estimate (every plan), dates localised", () => {
  let sim: Simulator;
  let app: TestApp;
  let browser: Browser;
  let shop: string;
  let handle: string;
  let ids: { thisYear: bigint; inStock: bigint; nextYear: bigint };

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
    shop = sim.createShop({ name: "Cart Test", alternateLocales: ["de"] }).domain;
    const product = sim.createProduct(shop, {
      title: "Waxed Canvas Jacket",
      variants: [
        { title: "S", price: "180.00", inventoryPolicy: "CONTINUE", inventory: 0 },
        { title: "M", price: "180.00", inventoryPolicy: "DENY", inventory: 5 },
        { title: "L", price: "190.00", inventoryPolicy: "CONTINUE", inventory: 0 },
      ],
    });
    handle = product.product.handle;
    const [s, m, l] = product.variants.map((v) => v.id) as [bigint, bigint, bigint];
    ids = { thisYear: s, inStock: m, nextYear: l };

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
    for (const [variant, eta] of [
      [ids.thisYear, THIS_YEAR_ETA],
      [ids.nextYear, NEXT_YEAR_ETA],
    ] as const) {
      expect((await api("PUT", `/api/etas/${variant}`, { eta })).status).toBe(200);
      await waitFor(async () => {
        const fields = sim.getMetafields(gid("ProductVariant", variant));
        return fields.some((f) => f.key === "eta" && f.value === eta) ? fields : null;
      }, 30_000);
    }
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await sim?.close();
  });

  const text = async (page: Page, selector: string) =>
    ((await page.locator(selector).first().innerText()) ?? "").replace(/\s+/g, " ").trim();

  it("product page → cart (block and property) → checkout summary → order webhook with the property", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const proxyCalls: string[] = [];
    page.on("request", (r) => {
      if (new URL(r.url()).pathname.startsWith(PROXY_PREFIX)) proxyCalls.push(r.url());
    });
    await page.goto(`${sim.origin}/products/${handle}?shop=${shop}&variant=${ids.inStock}`);
    await page.selectOption(ID_SELECT, String(ids.thisYear));
    await expect.poll(() => text(page, "[data-bo-block=eta]")).toBe("Backordered: ships by 31 Dec");
    await page.getByRole("button", { name: "Add to cart" }).click();

    await page.waitForURL(`${sim.origin}/cart`);
    const line = page.locator(".cart-item").first();
    expect((await line.innerText()).replace(/\s+/g, " ")).toContain("Backorder: ships by 31 Dec");
    expect(await text(page, "[data-bo-block=cart]")).toBe(
      "Some items ship later Waxed Canvas Jacket – S: ships by 31 Dec",
    );
    await page.screenshot({ path: path.join(ARTIFACTS, "cart-en.png"), fullPage: true });
    expect(proxyCalls).toEqual([]); // estimates come from metafields: no request to the app

    await page.getByRole("button", { name: "Check out" }).click();
    await page.waitForURL(/\/checkouts\/cn\/[a-f0-9]{32}\?locale=en$/);
    const summary = page.getByRole("region", { name: "Order summary" });
    expect((await summary.innerText()).replace(/\s+/g, " ")).toContain(
      "Waxed Canvas Jacket S Backorder: ships by 31 Dec × 1 · $180.00",
    );
    await page.screenshot({ path: path.join(ARTIFACTS, "checkout-en.png"), fullPage: true });
    await page.getByLabel("Email").fill("shopper@example.com");
    await page.getByRole("button", { name: "Pay now" }).click();
    await page.waitForURL(/\/thank-you$/);
    expect(await text(page, "h1")).toMatch(/^Thank you! Order #\d+ is confirmed$/);
    await context.close();

    // The order's webhook carries the property as Shopify sends it, and the app still backorders the line.
    const [order] = sim.listOrders(shop);
    await sim.waitForDeliveries();
    const delivery = sim.deliveries.find(
      (d) => d.topic === "orders/create" && d.body.includes(`${order!.id}`),
    );
    const payload = JSON.parse(delivery!.body) as { line_items: Array<{ properties: unknown }> };
    expect(payload.line_items[0]?.properties).toEqual([{ name: "Backorder", value: "ships by 31 Dec" }]);
    const backorder = await waitFor(
      () => app.deps.db.backorderLine.findFirst({ where: { orderId: order!.id } }),
      30_000,
    );
    expect(backorder).toMatchObject({ variantId: ids.thisYear, backorderedQuantity: 1 });
    expect(backorder.etaAtOrder?.toISOString().slice(0, 10)).toBe(THIS_YEAR_ETA);
  }, 90_000);

  it("German storefront: German dates, the year only for next year, announced on variant change", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${sim.origin}/de/products/${handle}?shop=${shop}&variant=${ids.thisYear}`);
    expect(await page.locator("html").getAttribute("lang")).toBe("de");
    const eta = "[data-bo-block=eta] [data-bo-text]";
    await expect.poll(() => text(page, eta)).toBe("Nachbestellt: Versand bis 31. Dez.");
    const live = page.locator("[data-bo-announce]");
    expect(await live.getAttribute("aria-live")).toBe("polite");
    expect(await live.textContent()).toBe("");

    await page.selectOption(ID_SELECT, String(ids.nextYear));
    const nextYear = `Nachbestellt: Versand bis 15. Jan. ${YEAR + 1}`;
    await expect.poll(() => text(page, eta)).toBe(nextYear);
    await expect.poll(() => live.textContent()).toBe(nextYear);
    // What a sighted shopper reads (the live region is for screen readers only).
    const shown = await page.evaluate(() =>
      [
        "h1",
        ".price",
        "[data-bo-text]",
        "label[for=variant-select]",
        "#variant-select option:checked",
        "[data-add]",
      ]
        .map((s) => (document.querySelector(s) as HTMLElement | null)?.innerText.trim())
        .join(" | "),
    );
    expect(shown).toBe(`Waxed Canvas Jacket | $190.00 | ${nextYear} | Variante | L | In den Warenkorb`);
    console.log(`German product page as shown: ${shown}`);
    await page.screenshot({ path: path.join(ARTIFACTS, "product-de-next-year.png"), fullPage: true });

    await page.getByRole("button", { name: "In den Warenkorb" }).click();
    await page.waitForURL(`${sim.origin}/de/cart`);
    expect((await page.locator(".cart-item").first().innerText()).replace(/\s+/g, " ")).toContain(
      `Nachbestellung: Versand bis 15. Jan. ${YEAR + 1}`,
    );
    expect(await text(page, "[data-bo-block=cart]")).toBe(
      `Einige Artikel werden später versandt Waxed Canvas Jacket – L: Versand bis 15. Jan. ${YEAR + 1}`,
    );
    await page.screenshot({ path: path.join(ARTIFACTS, "cart-de.png"), fullPage: true });
    await page.getByRole("button", { name: "Auschecken" }).click();
    await page.waitForURL(/\?locale=de$/);
    expect(
      (await page.getByRole("region", { name: "Order summary" }).innerText()).replace(/\s+/g, " "),
    ).toContain(`Nachbestellung: Versand bis 15. Jan. ${YEAR + 1}`);
    await context.close();
  }, 60_000);
});

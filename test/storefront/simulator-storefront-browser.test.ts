// The simulator's demo storefront in Chromium, as a shopper sees it: every product photo loads
// (the simulator serves them; Shopify's CDN is out of reach), and a variant whose ETA metafield
// holds a date that has passed (the app clears it at the shop's midnight; until then it lingers)
// shows no date, on the product page or in the cart.
import express from "express";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSimulator, type Simulator } from "../../simulator/create-simulator.ts";
import { gid } from "../../simulator/gid.ts";
import { seedDemoShop, type SeededShop } from "../../simulator/seed-demo-shop.ts";
import { createStorefrontRoutes } from "../../simulator/storefront-routes.ts";
import { adminGraphql } from "../../simulator/test-support/admin-graphql.ts";
import { calendarDate } from "../../web/server/etas/resolve-eta.ts";
import { launchChromium } from "../helpers/launch-chromium.ts";

const SET_METAFIELDS = `mutation Set($metafields: [MetafieldsSetInput!]!) {
  metafieldsSet(metafields: $metafields) { userErrors { field message } } }`;
const day = (offset: number) => calendarDate(new Date(Date.now() + offset * 86_400_000), "UTC");

describe("simulator storefront in Chromium", () => {
  let sim: Simulator;
  let seeded: SeededShop;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    sim = await createSimulator({
      apiKey: "key",
      apiSecret: "secret",
      routes: (s) =>
        express
          .Router()
          .use(createStorefrontRoutes({ sim: s, apiSecret: "secret", appUrl: () => undefined })),
    });
    seeded = seedDemoShop(sim);
    browser = await launchChromium();
    page = await browser.newPage();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await sim?.close();
  });

  const imagesOnPage = () =>
    page.$$eval("img", (images) =>
      images.map((img) => ({ src: img.currentSrc, loaded: img.complete && img.naturalWidth > 0 })),
    );

  it("loads every product image, on each product page and on the index", async () => {
    for (const handle of Object.keys(seeded.products)) {
      await page.goto(`${sim.origin}/products/${handle}`, { waitUntil: "load" });
      const images = await imagesOnPage();
      expect(images.length, handle).toBeGreaterThan(0);
      expect(
        images.filter((i) => !i.loaded),
        handle,
      ).toEqual([]);
      expect(
        images.every((i) => i.src.startsWith(sim.origin)),
        handle,
      ).toBe(true);
    }
    await page.goto(`${sim.origin}/`, { waitUntil: "load" });
    const index = await imagesOnPage();
    expect(index).toHaveLength(Object.keys(seeded.products).length);
    expect(index.filter((i) => !i.loaded)).toEqual([]);
  });

  it("gives the app the same photo through the Admin API", async () => {
    const token = sim.issueAccessToken(seeded.shop);
    const product = seeded.products["stoneware-mug"]!;
    const res = await adminGraphql(
      sim,
      token,
      `query P($id: ID!) { product(id: $id) { featuredMedia { ... on MediaImage { image { url width } } } } }`,
      { id: gid("Product", product.productId) },
    );
    const image = res.body.data!.product.featuredMedia.image as { url: string; width: number };
    expect(image.url).toBe(`${sim.origin}/cdn/shop/files/mug.png`);
    const file = await fetch(image.url);
    expect(file.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await file.arrayBuffer()).readUInt32BE(16)).toBe(image.width); // IHDR width
  });

  it("shows no date for a variant whose ETA has passed, and the date once it is ahead", async () => {
    const token = sim.issueAccessToken(seeded.shop);
    const variant = seeded.products["handwoven-linen-throw"]!.variants[0]!;
    const ownerId = gid("ProductVariant", variant.variantId);
    const setEta = async (eta: string) => {
      const res = await adminGraphql(sim, token, SET_METAFIELDS, {
        metafields: [
          { ownerId, namespace: "$app", key: "eta", type: "date", value: eta },
          { ownerId, namespace: "$app", key: "backordered", type: "boolean", value: "true" },
        ],
      });
      expect(res.body.data!.metafieldsSet.userErrors).toEqual([]);
    };
    const status = page.locator("[data-bo-block=eta] [data-bo-text]");

    await setEta(day(-1));
    await page.goto(`${sim.origin}/products/handwoven-linen-throw`, { waitUntil: "load" });
    expect(await status.innerText()).toBe("Backordered");
    // The variant data the block's script switches with carries no date either.
    const variants = JSON.parse(
      (await page.locator("[data-bo-block=eta] [data-bo-variants]").textContent())!,
    ) as Record<string, { d: string }>;
    expect(variants[String(variant.variantId)]!.d).toBe("");
    // Nor does the cart's estimate for the line.
    await Promise.all([page.waitForURL(/\/cart/), page.getByRole("button", { name: "Add to cart" }).click()]);
    expect(await page.locator("[data-bo-block=cart] .bo-cart__line").innerText()).toMatch(
      /^Handwoven Linen Throw: backordered, ships when back in stock/,
    );

    await setEta(day(0));
    await page.goto(`${sim.origin}/products/handwoven-linen-throw`, { waitUntil: "load" });
    expect(await status.innerText()).toMatch(/^Backordered: ships by \d/);
  });
});

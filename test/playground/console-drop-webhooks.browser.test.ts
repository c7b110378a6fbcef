// The shop console's "Drop webhooks" control, in Chromium: drop the next orders/create, place an
// order from the console, see the dropped delivery listed, then deliver it late.
import express from "express";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConsoleRoutes } from "../../simulator/console/create-console-routes.ts";
import { createSimulator, type Simulator } from "../../simulator/create-simulator.ts";
import { seedDemoShop } from "../../simulator/seed-demo-shop.ts";
import { createWebhookReceiver } from "../../simulator/test-support/create-webhook-receiver.ts";
import { launchChromium } from "../helpers/launch-chromium.ts";

describe("shop console: drop webhooks", () => {
  let sim: Simulator;
  let receiver: Awaited<ReturnType<typeof createWebhookReceiver>>;
  let browser: Browser;

  beforeAll(async () => {
    receiver = await createWebhookReceiver();
    sim = await createSimulator({
      apiKey: "k",
      apiSecret: "s",
      appUrl: receiver.url,
      routes: (s) => express.Router().use(createConsoleRoutes({ sim: s })),
    });
    seedDemoShop(sim);
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await sim?.close();
    await receiver?.close();
  });

  it("drops the next orders/create and delivers it late on a click", async () => {
    const page = await browser.newPage();
    await page.goto(`${sim.origin}/console`);
    await page.getByText("No webhooks are being dropped.").waitFor();
    const drop = page.locator('form[data-kind="drop"]');
    await drop.getByLabel("Topic").selectOption("orders/create");
    await drop.getByLabel("Next").fill("1");
    await drop.getByRole("button", { name: "Drop" }).click();
    await page.getByText("Dropping: next 1 orders/create").waitFor();

    await page.getByRole("button", { name: "Place order" }).click();
    await page.locator("tr[data-dropped]").waitFor();
    await sim.waitForDeliveries();
    expect(receiver.byTopic("orders/create")).toHaveLength(0);
    expect(receiver.byTopic("inventory_levels/update").length).toBeGreaterThan(0);
    await page.getByText("No webhooks are being dropped.").waitFor();

    const row = page.locator("tr[data-dropped]");
    expect(await row.getByRole("cell", { name: "orders/create" }).count()).toBe(1);
    await row.getByRole("button", { name: "Deliver late" }).click();
    await page.getByText("None dropped").waitFor();
    await sim.waitForDeliveries();
    expect(receiver.byTopic("orders/create")).toHaveLength(1);
    expect(sim.webhooks.dropped()).toEqual([]);
  }, 60_000);
});

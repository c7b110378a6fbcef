import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "../helpers/launch-chromium.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDevProcess, type DevProcess } from "./helpers/start-dev-process.ts";

const ARTIFACTS = "test/artifacts/playground";
const run = Date.now().toString(36);
const SUBSCRIBER = `alerts-${run}@example.com`;
const BUYER = `backorder-${run}@example.com`;

let dev: DevProcess;
let browser: Browser;
let page: Page;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bh-story-"));
fs.chmodSync(dataDir, 0o755);

const shot = (name: string, target: Page = page) =>
  target.screenshot({ path: `${ARTIFACTS}/${name}.png`, fullPage: true });

/** Reloads the mail catcher's inbox until a message to `to` whose subject matches shows up. */
async function openMail(to: string, subject: RegExp, timeoutMs = 60_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const list = (await (await fetch(`${dev.urls.mail}/api/messages`)).json()) as Array<{
      id: number;
      to: string;
      subject: string;
    }>;
    const found = list.find((m) => m.to.includes(to) && subject.test(m.subject));
    if (found) {
      await page.goto(`${dev.urls.mail}/`);
      await page.click(`tr[data-mail-id="${found.id}"] a`);
      await page.waitForSelector("[data-subject]");
      return found.subject;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `no email to ${to} matching ${subject}; inbox: ${JSON.stringify(list.map((m) => [m.to, m.subject]))}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  dev = await startDevProcess({ dataDir });
  // The initial sync has finished once the demo ETAs could be set through the app's API.
  const deadline = Date.now() + 120_000;
  while (!/demo ETAs set|demo ETAs not set|could not set the demo ETA/.test(dev.output())) {
    if (Date.now() > deadline) throw new Error(`initial sync did not finish:\n${dev.output().slice(-3000)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  if (dev) {
    fs.writeFileSync(`${ARTIFACTS}/dev-output.log`, dev.output());
    await dev.stop();
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("the playground story, in a browser against npm run dev", () => {
  it(
    "alerts: subscribe to a sold-out variant, confirm by email, restock from the console, get the alert",
    { timeout: 240_000 },
    async () => {
      await page.goto(`${dev.simulatorOrigin}/products/merino-wool-beanie`);
      const notify = page.locator('[data-bo-block="notify"]');
      await notify.waitFor({ state: "visible" });
      await notify.locator('input[name="email"]').fill(SUBSCRIBER);
      await notify.locator('button[type="submit"]').click();
      await expect.poll(() => notify.locator("[data-bo-status]").getAttribute("data-kind")).toBe("success");
      await shot("01-storefront-subscribed");

      await openMail(SUBSCRIBER, /confirm/i);
      await shot("02-mail-confirmation");
      const confirmLink = page.locator('[data-links] a[href*="/subscriptions/confirm/"]').first();
      const [confirmation] = await Promise.all([page.context().waitForEvent("page"), confirmLink.click()]);
      await confirmation.waitForLoadState();
      // Following the link changes nothing (link scanners follow links too): the page's button confirms.
      expect(await confirmation.textContent("body")).toContain("Merino Wool Beanie");
      await Promise.all([
        confirmation.waitForEvent("load"),
        confirmation.getByRole("button", { name: "Yes, notify me" }).click(),
      ]);
      expect(await confirmation.textContent("body")).toContain("You're subscribed");
      await shot("03-subscription-confirmed", confirmation);
      await confirmation.close();

      await page.goto(dev.urls.console);
      const row = page.locator('tr[data-sku="HAT-MER-01"]');
      const mainWarehouse = row.locator("form").first();
      await mainWarehouse.locator('input[name="value"]').fill("5");
      await Promise.all([page.waitForEvent("load"), mainWarehouse.locator('button[value="set"]').click()]);
      await expect.poll(() => row.locator("[data-available]").first().textContent()).toBe("5");
      await shot("04-console-restocked");

      await openMail(SUBSCRIBER, /^(?!.*confirm)/i);
      // The product photo the app read from the simulator at its initial sync, served by the simulator.
      const photo = page.frameLocator('iframe[title="HTML body"]').locator('img[alt="Merino Wool Beanie"]');
      await expect
        .poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
        .toBe(true);
      await shot("05-mail-restock-alert");
    },
  );

  it(
    "backorders: order beyond stock of a backorderable variant, get the confirmation, see it in the admin",
    { timeout: 240_000 },
    async () => {
      await page.goto(dev.urls.console);
      const order = page.locator('form[data-kind="order"]');
      await order.locator('input[name="email"]').fill(BUYER);
      const option = await order
        .locator('select[name="variant"] option[data-sku="HOM-LIN-01"]')
        .getAttribute("value");
      await order.locator('select[name="variant"]').selectOption(option!);
      await order.locator('input[name="quantity"]').fill("3");
      await Promise.all([page.waitForEvent("load"), order.locator('button[type="submit"]').click()]);
      const placed = page.locator("tr[data-order]", { hasText: BUYER });
      await placed.waitFor();
      const orderName = (await placed.locator("td").first().textContent())!.trim();
      await shot("06-console-backorder-placed");

      await openMail(BUYER, /./);
      await shot("07-mail-backorder-confirmation");

      await page.goto(`${dev.simulatorOrigin}/console/open-admin?shop=demo-shop.myshopify.com`);
      await page.waitForLoadState("networkidle");
      await page.goto(page.url().replace(/\/admin\?/, "/admin/backorders?"));
      await page.getByText(orderName).first().waitFor({ timeout: 30_000 });
      await shot("08-admin-backorders");
    },
  );
});

import fs from "node:fs";
import { afterAll, beforeAll } from "vitest";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "../../helpers/launch-chromium.ts";
import { ensureAdminBuild } from "./ensure-admin-build.ts";
import { seedBrowserShop } from "./seed-browser-shop.ts";
import { startAdminApp, type AdminTestApp } from "./start-admin-app.ts";
import { watchAdminPage, type PageWatch } from "./watch-admin-page.ts";

export const BROWSER_SHOP = "alpine-outfitters.myshopify.com";
export const ARTIFACTS = path.resolve("test/artifacts/admin");

/** Every page of the app's own navigation (outside the Shopify admin): its link and its title. */
export const NAV_PAGES: readonly (readonly [label: string, heading: string])[] = [
  ["Dashboard", "Dashboard"],
  ["Backorders", "Backorders"],
  ["ETAs", "ETAs"],
  ["Subscribers", "Subscribers"],
  ["Emails", "Emails"],
  ["Settings", "Settings"],
  ["Activity log", "Activity log"],
  ["Integrations", "Integrations"],
];

export type AdminBrowserSession = {
  app: AdminTestApp;
  shopId: string;
  page: Page;
  watch: PageWatch;
  close(): Promise<void>;
};

/**
 * The built admin served by the app, a seeded shop (with one failed webhook for the activity log)
 * and one watched Chromium page, not yet logged in.
 */
export async function openAdminBrowserSession(): Promise<AdminBrowserSession> {
  ensureAdminBuild();
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const app = await startAdminApp();
  let browser: Browser | undefined;
  try {
    const shopId = await app.installShop(BROWSER_SHOP, { name: "Alpine Outfitters", currency: "EUR" });
    await seedBrowserShop(app.deps.db, shopId);
    await app.deps.db.webhookEvent.create({
      data: {
        shopDomain: BROWSER_SHOP,
        topic: "orders/create",
        eventKey: "seed-1",
        webhookId: "w-1",
        body: "{}",
        status: "FAILED",
        attempts: 8,
        lastError: "variant lookup timed out",
      },
    });
    browser = await launchChromium();
    const page = await browser.newPage({
      viewport: { width: 1280, height: 900 },
      locale: "en-GB",
      timezoneId: "UTC",
    });
    const watch = await watchAdminPage(page);
    const opened = browser;
    return {
      app,
      shopId,
      page,
      watch,
      close: async () => {
        await opened.close();
        await app.close();
      },
    };
  } catch (error) {
    await browser?.close();
    await app.close();
    throw error;
  }
}

export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Navigates through the app's own navigation (client-side), then waits for the page's title. */
export async function visit(page: Page, label: string, heading: string) {
  await page.getByRole("link", { name: label, exact: true }).first().click();
  await page.getByRole("heading", { name: heading, level: 1 }).waitFor();
}

/** The save bar App Bridge (here its stand-in) shows while a form has unsaved edits. */
export function saveBar(page: Page) {
  return page.getByRole("region", { name: "Unsaved changes" });
}

/** Saves the page's form the way a merchant does: with the save bar's Save. */
export async function saveFromSaveBar(page: Page) {
  await saveBar(page).getByRole("button", { name: "Save", exact: true }).click();
}

/**
 * Opens the admin as the seeded shop with a fresh session token, on the dashboard; `locale` is the
 * merchant's admin language as Shopify passes it, and `dashboard` the dashboard's title in it.
 */
export async function logIn(
  session: AdminBrowserSession,
  opts: { locale?: string; dashboard?: string } = {},
): Promise<void> {
  const token = await session.app.token(BROWSER_SHOP, { ttlSeconds: 120 });
  const locale = opts.locale ? `&locale=${opts.locale}` : "";
  await session.page.goto(`${session.app.url}/admin?shop=${BROWSER_SHOP}&id_token=${token}${locale}`, {
    waitUntil: "load",
  });
  await session.page
    .getByRole("heading", { name: opts.dashboard ?? "Dashboard", level: 1 })
    .waitFor({ timeout: 20_000 });
}

/**
 * For a describe block: a session opened and logged in before its tests (`logIn`) and closed after
 * them. The object returned is filled in by beforeAll.
 */
export function useLoggedInSession(): AdminBrowserSession {
  const session = {} as AdminBrowserSession;
  beforeAll(async () => {
    Object.assign(session, await openAdminBrowserSession());
    await logIn(session);
  }, 180_000);
  afterAll(() => session.close?.());
  return session;
}

// The shopper alerts page as the shopper sees it, in Chromium on the simulator's storefront (the app
// proxy renders the app's Liquid inside the theme): a logged-in customer cancels an alert; a guest
// asks for a link, opens it from the email, cancels, and finds the link used, or expired, after.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseMime } from "../../web/dev/mail-catcher/parse-mime.ts";
import { launchChromium } from "../helpers/launch-chromium.ts";
import { waitFor } from "../helpers/wait-for.ts";
import { addAlert, startAlertsFixture, type AlertsFixture, type TestShop } from "./alerts-fixture.ts";

const CUSTOMER = "7340032000001";
const GUEST = "guest.shopper@example.com";

describe("shopper alerts page in the browser", () => {
  let fx: AlertsFixture;
  let shop: TestShop;
  let browser: Browser;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    fx = await startAlertsFixture({ storefront: true });
    shop = await fx.addShop("Corner Store");
    const parka = await shop.addVariant({ title: "Harbour Parka", stock: 0 });
    const cap = await shop.addVariant({ title: "Harbour Cap", stock: 0 });
    const alert = (email: string, variantId: bigint, status: "ACTIVE" | "PENDING", customerId?: string) =>
      addAlert(fx.app, { shopId: shop.id, variantId, email, status, ...(customerId ? { customerId } : {}) });
    ids.customerParka = await alert("member@example.com", parka.variantId, "ACTIVE", CUSTOMER);
    ids.customerCap = await alert("member@example.com", cap.variantId, "PENDING", CUSTOMER);
    ids.guestParka = await alert(GUEST, parka.variantId, "ACTIVE");
    ids.guestCap = await alert(GUEST, cap.variantId, "ACTIVE");
    await fx.app.startWorker({ concurrency: 2 });
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await fx?.close();
  });

  const db = () => fx.app.deps.db;
  const statusOf = async (id: string) =>
    (await db().subscription.findUniqueOrThrow({ where: { id } })).status;
  const alertsPage = () => `${fx.sim.origin}/apps/backorder/alerts?shop=${encodeURIComponent(shop.domain)}`;
  const rows = (page: Page) => page.locator(".bh-alerts li");
  async function withPage(run: (page: Page, context: BrowserContext) => Promise<void>) {
    const context = await browser.newContext();
    try {
      await run(await context.newPage(), context);
    } finally {
      await context.close();
    }
  }

  it("a logged-in customer sees their alerts inside the shop's page and cancels one: it is gone", async () => {
    await withPage(async (page) => {
      // The simulated storefront's login, as the page's own "Log in" link leads there.
      await page.goto(
        `${fx.sim.origin}/account/login?customer_id=${CUSTOMER}&return_url=/apps/backorder/alerts`,
      );
      await page.getByRole("heading", { name: "Your back-in-stock alerts" }).waitFor();
      expect(await page.locator("header").innerText()).toContain("Corner Store");
      expect(await rows(page).count()).toBe(2);
      const parkaRow = rows(page).filter({ hasText: "Harbour Parka" });
      expect(await parkaRow.innerText()).toContain("active");
      await Promise.all([
        page.waitForLoadState("load"),
        parkaRow.getByRole("button", { name: "Cancel" }).click(),
      ]);
      await page.getByRole("status").filter({ hasText: "Alert cancelled." }).waitFor();
      expect(await rows(page).count()).toBe(1);
      expect(await page.locator(".bh-alerts").innerText()).not.toContain("Harbour Parka");
      expect(await statusOf(ids.customerParka!)).toBe("UNSUBSCRIBED");
      expect(await statusOf(ids.guestParka!)).toBe("ACTIVE");
      // Reloaded later: still gone.
      await page.goto(alertsPage());
      expect(await rows(page).count()).toBe(1);
    });
  }, 60_000);

  async function askForLink(page: Page): Promise<string> {
    const seen = fx.smtp.messages.filter((m) => m.to.includes(GUEST)).length;
    await page.goto(alertsPage());
    await page.getByRole("link", { name: "Log in" }).waitFor();
    await page.getByLabel("No account? Get a link by email:").fill(GUEST);
    await Promise.all([
      page.waitForLoadState("load"),
      page.getByRole("button", { name: "Email me a link" }).click(),
    ]);
    await page.getByRole("heading", { name: "Check your inbox" }).waitFor();
    const caught = await waitFor(
      async () => fx.smtp.messages.filter((m) => m.to.includes(GUEST))[seen] ?? null,
    );
    const mail = parseMime(caught.raw);
    expect(mail.subject).toBe("Your link to manage your alerts at Corner Store");
    // The email as the shopper reads it: its button is the link.
    const reader = await page.context().newPage();
    await reader.setContent(mail.html!);
    const href = (await reader.getByRole("link", { name: "Show my alerts" }).getAttribute("href"))!;
    await reader.close();
    // On the shop's storefront, under the app proxy's path.
    expect(href.startsWith(`${fx.sim.origin}/apps/backorder/alerts/access/`)).toBe(true);
    expect(mail.text).toContain(href);
    return href;
  }

  it("a guest gets a link by email, opens it with its button, cancels; the link then says it was used", async () => {
    await withPage(async (page) => {
      const href = await askForLink(page);
      await page.goto(href);
      // Opening the link (what a mail scanner does too) changes nothing: a button does.
      await page.getByRole("heading", { name: "Your back-in-stock alerts" }).waitFor();
      expect(await rows(page).count()).toBe(0);
      expect(await db().shopperAlertLink.count({ where: { shopId: shop.id, usedAt: { not: null } } })).toBe(
        0,
      );

      await Promise.all([
        page.waitForLoadState("load"),
        page.getByRole("button", { name: "Show my alerts" }).click(),
      ]);
      await rows(page).first().waitFor();
      expect(await rows(page).count()).toBe(2);
      expect(await page.locator(".bh-alerts").innerText()).not.toContain("member");
      const capRow = rows(page).filter({ hasText: "Harbour Cap" });
      await Promise.all([
        page.waitForLoadState("load"),
        capRow.getByRole("button", { name: "Cancel" }).click(),
      ]);
      await page.getByRole("status").filter({ hasText: "Alert cancelled." }).waitFor();
      expect(await rows(page).count()).toBe(1);
      expect(await page.locator(".bh-alerts").innerText()).toContain("Harbour Parka");
      expect(await statusOf(ids.guestCap!)).toBe("UNSUBSCRIBED");
      expect(await statusOf(ids.customerCap!)).toBe("PENDING");

      const again = await page.goto(href);
      expect(again!.status()).toBe(410);
      await page.getByRole("heading", { name: "This link was already used" }).waitFor();
      expect(await page.getByRole("button", { name: "Show my alerts" }).count()).toBe(0);
    });
  }, 60_000);

  it("a link opened after 24 hours says it has expired", async () => {
    await withPage(async (page) => {
      const href = await askForLink(page);
      fx.clock.advanceMinutes(24 * 60 + 1);
      const late = await page.goto(href);
      expect(late!.status()).toBe(410);
      await page.getByRole("heading", { name: "This link has expired" }).waitFor();
      expect(await page.locator("main").innerText()).toContain("Ask for a new one");
      expect(await page.getByRole("button").count()).toBe(0);
    });
  }, 60_000);
});

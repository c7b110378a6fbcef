import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BROWSER_SHOP as SHOP,
  openAdminBrowserSession,
  screenshot,
  visit,
  type AdminBrowserSession,
  saveFromSaveBar,
} from "./helpers/admin-browser-session.ts";
import type { AdminTestApp } from "./helpers/start-admin-app.ts";

describe("email sender and template variables in the admin (Chromium)", () => {
  let session: AdminBrowserSession;
  let app: AdminTestApp;
  let page: Page;
  let shopId: string;

  beforeAll(async () => {
    session = await openAdminBrowserSession();
    ({ app, page, shopId } = session);
    const token = await app.token(SHOP, { ttlSeconds: 60 });
    await page.goto(`${app.url}/admin?shop=${SHOP}&id_token=${token}`, { waitUntil: "load" });
    await page.getByRole("heading", { name: "Dashboard", level: 1 }).waitFor();
  }, 180_000);

  afterAll(() => session?.close());

  it("warns until the sender address and reply-to are set, and says how to authenticate the domain", async () => {
    await visit(page, "Settings", "Settings");
    const warning = page.getByText("Set your sender address and reply-to");
    await warning.waitFor();
    const section = page.locator(".Polaris-Banner", { hasText: "Set your sender address and reply-to" });
    const text = await section.innerText();
    expect(text).toContain("Customers see emails from");
    expect(text).toContain("Alpine Outfitters");
    expect(text).toContain("SPF");
    expect(text).toContain("DKIM");
    await screenshot(page, "emails-sender-warning");

    // The sender address alone is not enough: replies would still go nowhere.
    await page.getByLabel("Sender address").fill("orders@alpine-outfitters.example");
    await saveFromSaveBar(page);
    await page.getByText("Settings saved").waitFor();
    expect(await warning.isVisible()).toBe(true);
    expect(await section.innerText()).toContain("orders@alpine-outfitters.example");

    await page.getByLabel("Reply-to address").fill("help@alpine-outfitters.example");
    await saveFromSaveBar(page);
    await expect.poll(() => warning.count()).toBe(0);
    await page.getByText("Authenticate alpine-outfitters.example so they reach inboxes").waitFor();
    const row = await app.deps.db.shopSettings.findUniqueOrThrow({ where: { shopId } });
    expect([row.senderEmail, row.replyTo]).toEqual([
      "orders@alpine-outfitters.example",
      "help@alpine-outfitters.example",
    ]);
  });

  it("names a misspelled variable in the template editor", async () => {
    await visit(page, "Emails", "Emails");
    const html = page.getByLabel("HTML body");
    await html.waitFor();
    await html.fill("<p>{{ variant.product_title }}</p>\n<p>{{ varient.title }}</p>");
    const banner = page.locator(".Polaris-Banner", { hasText: "Unknown variables" });
    await banner.waitFor({ timeout: 10_000 });
    expect(await banner.innerText()).toContain(
      "HTML body, line 2, column 7: {{ varient.title }} is not a variable",
    );
    await screenshot(page, "emails-unknown-variable");
    await html.fill("<p>{{ variant.product_title }}</p>\n<p>{{ variant.title }}</p>");
    await expect.poll(() => banner.count(), { timeout: 10_000 }).toBe(0);
  });
});

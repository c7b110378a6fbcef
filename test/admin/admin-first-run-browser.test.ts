import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SetupGuideResponse } from "../../web/contract/api-responses.ts";
import {
  ARTIFACTS,
  BROWSER_SHOP as SHOP,
  NAV_PAGES,
  openAdminBrowserSession,
  visit,
  type AdminBrowserSession,
  saveFromSaveBar,
} from "./helpers/admin-browser-session.ts";
import type { AdminTestApp } from "./helpers/start-admin-app.ts";

// Screenshots of every page at desktop and phone widths, committed (test/artifacts/admin/pages/).
const PAGES_DIR = path.join(ARTIFACTS, "pages");

describe("first run in the admin (Chromium)", () => {
  let session: AdminBrowserSession;
  let app: AdminTestApp;
  let page: Page;
  let shopId: string;

  beforeAll(async () => {
    session = await openAdminBrowserSession();
    ({ app, page, shopId } = session);
    fs.mkdirSync(PAGES_DIR, { recursive: true });
    // A new install whose first sync failed, sender not set yet.
    await app.deps.db.shop.update({
      where: { id: shopId },
      data: { syncStatus: "FAILED", syncTotal: 40, syncStored: 12 },
    });
    await app.deps.db.shopSettings.update({ where: { shopId }, data: { senderName: null, replyTo: null } });
    const token = await app.token(SHOP, { ttlSeconds: 60 });
    await page.goto(`${app.url}/admin?shop=${SHOP}&id_token=${token}`, { waitUntil: "load" });
    await page.getByRole("heading", { name: "Dashboard", level: 1 }).waitFor();
  }, 180_000);

  afterAll(() => session?.close());

  const guideFromApi = async () =>
    ((await (await app.api(SHOP, "/setup-guide")).json()) as SetupGuideResponse).guide;

  it("walks the setup guide: theme-editor links, a step ticked, Sync now for the failed sync", async () => {
    const card = page.getByRole("region", { name: "Setup guide" });
    await card.waitFor();
    const expected = await guideFromApi();
    await card.getByText(`${expected.completed} of 5 tasks complete`).waitFor();
    // The first step is open: its theme-editor link adds the ETA block to the product template.
    const editor = card.getByRole("link", { name: "Open theme editor" });
    expect(await editor.getAttribute("href")).toBe(
      `https://${SHOP}/admin/themes/current/editor?template=product&addAppBlockId=${app.deps.config.apiKey}/backorder-eta&target=mainSection`,
    );
    await card.getByRole("button", { name: "Mark as done" }).click();
    await card.getByText(`${expected.completed + 1} of 5 tasks complete`).waitFor();
    const shop = await app.deps.db.shop.findUniqueOrThrow({ where: { id: shopId } });
    expect(shop.setupStepsDone).toEqual(["eta_block"]);
    // The failed sync offers "Sync now"; one click restarts it.
    await card.getByRole("button", { name: "Sync your products and inventory" }).click();
    await card.getByText("The first sync failed").waitFor();
    await card.getByRole("button", { name: "Sync now" }).click();
    await page.getByText("Sync started").waitFor();
    const after = await app.deps.db.shop.findUniqueOrThrow({ where: { id: shopId } });
    expect(after.syncStatus).toBe("PENDING");
  }, 120_000);

  it("opens the backordered variants without an ETA from the guide", async () => {
    const card = page.getByRole("region", { name: "Setup guide" });
    const { variantsWithoutEta } = await guideFromApi();
    expect(variantsWithoutEta).toBeGreaterThan(0);
    const title = `Set ETAs for ${variantsWithoutEta} backordered variant${variantsWithoutEta === 1 ? "" : "s"} without one`;
    await card.getByRole("button", { name: title }).click();
    await card.getByRole("link", { name: "Set ETAs" }).click();
    await page.getByRole("heading", { name: "ETAs", level: 1 }).waitFor();
    expect(page.url()).toContain("view=no_eta");
    const tab = page.getByRole("tab", { name: "Backordered, no ETA" });
    await expect.poll(() => tab.getAttribute("aria-selected")).toBe("true");
    await expect.poll(() => page.locator("tbody tr").count()).toBe(variantsWithoutEta);
    // Edit opens the variant without selecting its row.
    await page
      .locator("tbody tr")
      .first()
      .getByRole("button", { name: /^Edit / })
      .click();
    await page.getByRole("dialog").waitFor();
    await page.keyboard.press("Escape");
    expect(await page.locator("tbody tr").first().getByRole("checkbox").isChecked()).toBe(false);
  }, 120_000);

  it("searches backorders with IndexFilters and exports the selection", async () => {
    await visit(page, "Backorders", "Backorders");
    const lines = page.locator(".Polaris-IndexTable tbody tr");
    await lines.filter({ hasText: "#1001" }).first().waitFor();
    await page.getByRole("button", { name: /Search and filter/ }).click();
    await page.getByPlaceholder("Search by order, customer, product or SKU").fill("lena");
    await expect.poll(() => lines.filter({ hasText: "#1001" }).count()).toBe(0);
    const row = lines.filter({ hasText: "#1002" }).first();
    await row.waitFor();
    await row.getByRole("checkbox").check({ force: true });
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export selection" }).click(),
    ]);
    const csv = fs.readFileSync(await download.path(), "utf8");
    const csvLines = csv.trim().split(/\r?\n/);
    expect(csvLines.length).toBe(2);
    expect(csvLines[1]).toContain("#1002");
  }, 120_000);

  it("marks the sender step done once the sender is saved in Settings", async () => {
    await visit(page, "Settings", "Settings");
    await page.getByLabel("Sender name").fill("Alpine Outfitters");
    await page.getByLabel("Reply-to address").fill("help@alpine-outfitters.example");
    await saveFromSaveBar(page);
    await page.getByText("Settings saved").waitFor();
    await visit(page, "Dashboard", "Dashboard");
    const card = page.getByRole("region", { name: "Setup guide" });
    const sender = card.getByRole("button", { name: "Set your sender name and reply-to address" });
    await sender.waitFor();
    await expect
      .poll(async () => card.locator('[data-step-done="true"]').count())
      .toBe((await guideFromApi()).completed);
    expect((await guideFromApi()).steps.find((s) => s.id === "sender")?.done).toBe(true);
  }, 120_000);

  it("dismisses the guide for the shop and offers it again", async () => {
    await page.getByRole("button", { name: "Dismiss the setup guide" }).click();
    await expect.poll(() => page.getByRole("region", { name: "Setup guide" }).count()).toBe(0);
    const shop = await app.deps.db.shop.findUniqueOrThrow({ where: { id: shopId } });
    expect(shop.setupDismissedAt).not.toBeNull();
    await page.reload({ waitUntil: "load" });
    await page.getByRole("heading", { name: "Dashboard", level: 1 }).waitFor();
    await page.getByRole("button", { name: "Show setup guide" }).click();
    await page.getByRole("region", { name: "Setup guide" }).waitFor();
  }, 120_000);

  it("shows every page at 1440 and 390 px, with the navigation reachable on a phone", async () => {
    for (const [width, height] of [
      [1440, 900],
      [390, 844],
    ] as const) {
      await page.setViewportSize({ width, height });
      for (const [label, heading] of NAV_PAGES) {
        if (width < 600) {
          await page.getByRole("button", { name: "Toggle menu" }).click();
        }
        await visit(page, label, heading);
        await page.waitForLoadState("networkidle");
        await page.waitForTimeout(300);
        await page.screenshot({
          path: path.join(PAGES_DIR, `${label.toLowerCase().replace(/\s+/g, "-")}-${width}.png`),
        });
      }
    }
  }, 240_000);
});

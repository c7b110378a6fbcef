// A date already past is accepted (the merchant may mean it) but never silently: the edit panel and
// the bulk editor show a warning as soon as one is picked, and the CSV report names each such row.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { calendarDate } from "../../web/server/etas/resolve-eta.ts";
import {
  BROWSER_SHOP as SHOP,
  openAdminBrowserSession,
  screenshot,
  visit,
  type AdminBrowserSession,
} from "./helpers/admin-browser-session.ts";
import { IDS } from "./helpers/seed-browser-shop.ts";

const day = (offset: number) => calendarDate(new Date(Date.now() + offset * 86_400_000), "UTC");
const WARNING = "This date has already passed";

describe("past ETAs in the admin", () => {
  let session: AdminBrowserSession;
  let page: Page;

  beforeAll(async () => {
    session = await openAdminBrowserSession();
    page = session.page;
    const token = await session.app.token(SHOP, { ttlSeconds: 600 });
    await page.goto(`${session.app.url}/admin?shop=${SHOP}&id_token=${token}`, { waitUntil: "load" });
    await visit(page, "ETAs", "ETAs");
  }, 180_000);
  afterAll(() => session?.close());

  it("warns in the edit panel while the date is past, and not for today", async () => {
    const red = page.getByRole("row").filter({ hasText: "Ember red / L" });
    await red.getByRole("button", { name: /^Edit / }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("ETA", { exact: true }).fill(day(-2));
    await dialog.getByText(WARNING).waitFor();
    expect(await dialog.getByText("Shoppers and customers never see a past date").isVisible()).toBe(true);
    await screenshot(page, "past-eta-edit-warning");
    await dialog.getByLabel("ETA", { exact: true }).fill(day(0));
    await expect.poll(() => dialog.getByText(WARNING).count()).toBe(0);
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect.poll(() => page.getByRole("dialog").count()).toBe(0);
  });

  it("warns in the bulk editor", async () => {
    const blue = page.getByRole("row").filter({ hasText: "Glacier blue / M" });
    await blue.getByRole("checkbox").check({ force: true });
    await page.getByRole("button", { name: "Set ETA" }).first().click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Expected date").fill(day(-30));
    await dialog.getByText(WARNING).waitFor();
    await dialog.getByLabel("Expected date").fill(day(30));
    await expect.poll(() => dialog.getByText(WARNING).count()).toBe(0);
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect.poll(() => page.getByRole("dialog").count()).toBe(0);
  });

  it("names each past row in the CSV import report", async () => {
    const csv = `variant_id,eta,message\n${IDS.hoodieRed},${day(20)},On time\n${IDS.capBlack},${day(-1)},Late\n`;
    await page.locator("ui-title-bar").getByRole("button", { name: "Import CSV" }).click();
    const dialog = page.getByRole("dialog", { name: "Import ETAs from CSV" });
    await dialog
      .locator('input[type="file"]')
      .setInputFiles({ name: "etas.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await dialog.getByText("etas.csv: 2 variants updated").waitFor();
    await dialog.getByText("1 row has a date that has already passed").waitFor();
    const warning = dialog.getByRole("row").filter({ hasText: "has already passed" });
    expect((await warning.textContent())?.replace(/\s+/g, " ")).toContain(
      `3eta${day(-1)} has already passed: shoppers and customers see no date`,
    );
    await screenshot(page, "past-eta-import-warning");
  });
});

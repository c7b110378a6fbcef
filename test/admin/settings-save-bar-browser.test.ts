import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  saveBar,
  saveFromSaveBar,
  screenshot,
  useLoggedInSession,
  visit,
} from "./helpers/admin-browser-session.ts";
import { IDS } from "./helpers/seed-browser-shop.ts";
import { expectOnlyProvokedErrors } from "./helpers/watch-admin-page.ts";

/** Settings behind App Bridge's save bar: leaving asks first, refused values are explained. */
describe("the admin's settings in Chromium", () => {
  const session = useLoggedInSession();
  let page: Page;
  let app: typeof session.app;
  let shopId: string;

  it("edits settings behind App Bridge's save bar, which guards leaving, and explains refused values", async () => {
    ({ page, app, shopId } = session);
    await visit(page, "Settings", "Settings");
    const threshold = page.getByLabel("Restock threshold");
    await threshold.waitFor();
    // Nothing edited yet: no save bar, and no Save button 2,000 px down either.
    expect(await saveBar(page).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Save", exact: true }).count()).toBe(0);
    await threshold.fill("7");
    await saveBar(page).waitFor();

    // Leaving with the edit unsaved asks first; staying keeps the edit.
    await page.getByRole("link", { name: "Activity log", exact: true }).first().click();
    const leave = page.getByRole("dialog", { name: "Leave page with unsaved changes?" });
    await leave.waitFor();
    await screenshot(page, "6-settings-leave-guard");
    await leave.getByRole("button", { name: "Stay" }).click();
    await expect.poll(() => leave.count()).toBe(0);
    expect(new URL(page.url()).pathname).toBe("/admin/settings");
    expect(await threshold.inputValue()).toBe("7");

    // Discard puts the saved values back and takes the save bar away.
    await saveBar(page).getByRole("button", { name: "Discard" }).click();
    await expect.poll(() => threshold.inputValue()).toBe("0");
    await expect.poll(() => saveBar(page).count()).toBe(0);

    await threshold.fill("7");
    await page.getByLabel("Keep subscribed after an alert").check({ force: true });
    await page.getByLabel("Offer a discount code to waiting customers").check({ force: true });
    await page.getByLabel("Discount value").fill("0");
    await page.getByLabel("Serve priority orders first").check({ force: true });
    await page.getByLabel("Priority customer tags").fill("VIP, wholesale");
    await page.getByLabel("Alerts expire after").fill("90");
    await page.getByLabel("Reminder after").fill("24");

    // Alternatives: picked by name in the resource picker (the stand-in lists the shop's catalog).
    await page.getByLabel("Suggest in-stock alternatives").check({ force: true });
    await page.getByRole("button", { name: "Choose products" }).click();
    const picker = page.getByRole("dialog", { name: "Select products" });
    await picker.getByText("Merino Trail Hoodie").waitFor();
    expect(await picker.getByRole("listitem").allInnerTexts()).toEqual([
      "Merino Trail Hoodie",
      "Waxed Canvas Cap",
    ]);
    await picker.getByRole("searchbox", { name: "Search products" }).fill("cap");
    await expect.poll(() => picker.getByRole("listitem").allInnerTexts()).toEqual(["Waxed Canvas Cap"]);
    await picker.getByLabel("Waxed Canvas Cap").check();
    await screenshot(page, "6-settings-resource-picker");
    await picker.getByRole("button", { name: "Select" }).click();
    await page.getByRole("button", { name: "Remove Waxed Canvas Cap" }).waitFor();

    await saveFromSaveBar(page);
    // The server's 422 field error is shown on its field in words, focus goes there, nothing is saved.
    await page.getByText("Some settings need fixing").waitFor();
    await page.getByText("Enter a number above 0").waitFor();
    expect(await page.getByText(/Too small|expected number/).count()).toBe(0);
    await expect
      .poll(() => page.getByLabel("Discount value").evaluate((field) => field === document.activeElement))
      .toBe(true);
    expect((await app.deps.db.shopSettings.findUniqueOrThrow({ where: { shopId } })).restockThreshold).toBe(
      0,
    );
    await page.getByLabel("Discount value").fill("12.5");
    await saveFromSaveBar(page);
    await page.getByText("Settings saved").waitFor();
    await expect.poll(() => saveBar(page).count()).toBe(0);
    await screenshot(page, "6-settings");
    // A reload has no id_token any more: the page gets a fresh token from the dev provider.
    await page.reload();
    await page.getByRole("heading", { name: "Settings", level: 1 }).waitFor();
    await expect.poll(() => page.getByLabel("Restock threshold").inputValue(), { timeout: 15_000 }).toBe("7");
    expect(await page.getByLabel("Keep subscribed after an alert").isChecked()).toBe(true);
    expect(await page.getByLabel("Discount value").inputValue()).toBe("12.5");
    expect(await page.getByLabel("Priority customer tags").inputValue()).toBe("VIP, wholesale");
    // The chosen alternative is named after the reload too (GET /api/products).
    await page.getByRole("button", { name: "Remove Waxed Canvas Cap" }).waitFor();
    const row = await app.deps.db.shopSettings.findUniqueOrThrow({ where: { shopId } });
    expect([
      row.restockThreshold,
      row.keepSubscribed,
      row.discountEnabled,
      row.discountValue.toString(),
      row.priorityEnabled,
      row.priorityCustomerTags,
      row.alertExpiryDays,
      row.reminderAfterHours,
      row.renewalEmailEnabled,
      row.alternativesEnabled,
      row.alternativeProductIds,
    ]).toEqual([7, true, true, "12.5", true, ["VIP", "wholesale"], 90, 24, true, true, [IDS.cap.toString()]]);
  }, 60_000);

  it("logged no page errors", () => {
    expectOnlyProvokedErrors(session.watch);
  });
});

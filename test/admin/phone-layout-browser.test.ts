import { describe, expect, it } from "vitest";
import { NAV_PAGES, useLoggedInSession, visit } from "./helpers/admin-browser-session.ts";
import { listTextCutOff } from "./helpers/list-text-cut-off.ts";

/**
 * At 390 px outside the Shopify admin: every page is reached through the app's menu, and the lists
 * (Backorders, ETAs, Activity) are condensed rows, so nothing scrolls sideways or runs off the screen.
 */
describe("the admin on a 390 px phone", { timeout: 120_000 }, () => {
  const session = useLoggedInSession();

  it("reaches every page by the menu, none scrolling sideways", async () => {
    const page = session.page;
    await page.setViewportSize({ width: 390, height: 844 });
    for (const [label, heading] of NAV_PAGES) {
      await page.getByRole("button", { name: "Toggle menu" }).click();
      await visit(page, label, heading);
      await page.waitForLoadState("networkidle");
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect({ page: label, overflow }).toEqual({ page: label, overflow: 0 });
      // Nor is a list's text cut off at the screen's edge inside a table that scrolls on its own.
      const cutOff = await listTextCutOff(page);
      expect({ page: label, cutOff }).toEqual({ page: label, cutOff: [] });
    }
  });

  it("shows the activity log as condensed rows: what, status, when, recipient, error in one cell", async () => {
    const page = session.page;
    await page.getByRole("button", { name: "Toggle menu" }).click();
    await visit(page, "Activity log", "Activity log");
    const row = page.locator(".Polaris-IndexTable tbody tr, .Polaris-IndexTable li").filter({
      hasText: "variant lookup timed out",
    });
    await row.first().waitFor();
    expect((await row.first().textContent())?.replace(/\s+/g, " ")).toMatch(
      /Webhook orders\/create.*failed.*8 attempts.*variant lookup timed out/i,
    );
    expect(await page.getByRole("columnheader", { name: "Recipient" }).count()).toBe(0);
  });
});

import { describe, expect, it } from "vitest";
import { logIn, screenshot, useLoggedInSession, visit } from "./helpers/admin-browser-session.ts";

/**
 * The admin's dialogs are App Bridge modals (`<ui-modal>`, here the stand-in's overlay) and each
 * page's title and primary action sit in App Bridge's title bar (`<ui-title-bar>`); without App
 * Bridge (production outside the admin) they are Polaris' Modal and page header
 * (docs/admin-app-bridge.md).
 */
describe("App Bridge modals and title bar in the admin", { timeout: 90_000 }, () => {
  const session = useLoggedInSession();

  const open = () => logIn(session);

  it("ETAs: the title bar holds the title and Import CSV, which opens a ui-modal over the page", async () => {
    await open();
    await visit(session.page, "ETAs", "ETAs");
    const titleBar = session.page.locator("ui-title-bar");
    expect(await titleBar.getAttribute("title")).toBe("ETAs");
    expect(await titleBar.getByRole("heading", { name: "ETAs", level: 1 }).count()).toBe(1);
    await titleBar.getByRole("button", { name: "Import CSV" }).click();
    const dialog = session.page.getByRole("dialog", { name: "Import ETAs from CSV" });
    await dialog.getByText("Add CSV file").waitFor();
    // The modal is App Bridge's element, shown through shopify.modal's element API.
    expect(await session.page.locator("ui-modal").count()).toBe(1);
    expect(await session.page.locator(".bh-ab-backdrop").count()).toBe(1);
    await screenshot(session.page, "modal-1-import");
    await session.page.keyboard.press("Escape");
    await expect.poll(() => session.page.getByRole("dialog").count()).toBe(0);
    await expect.poll(() => session.page.locator("ui-modal").count()).toBe(0);
  });

  it("ETAs: a row's edit panel is a ui-modal whose Cancel and Save are its title bar's buttons", async () => {
    const green = session.page.getByRole("row").filter({ hasText: "Forest green / M" });
    await green.getByRole("button", { name: /^Edit / }).click();
    const dialog = session.page.getByRole("dialog", { name: /Forest green \/ M/ });
    await dialog.getByLabel("ETA", { exact: true }).waitFor();
    expect(await session.page.locator("ui-modal ui-title-bar button").allTextContents()).toEqual([
      "Save",
      "Cancel",
    ]);
    // In the footer, as in the admin: the secondary action first, the primary last.
    expect(await dialog.getByRole("button").allTextContents()).toEqual(
      expect.arrayContaining(["Cancel", "Save"]),
    );
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect.poll(() => session.page.locator("ui-modal").count()).toBe(0);
  });

  it("Backorders: Export is the title bar's primary action and downloads the list", async () => {
    await visit(session.page, "Backorders", "Backorders");
    await session.page.getByRole("row").filter({ hasText: "#1001" }).first().waitFor();
    const [download] = await Promise.all([
      session.page.waitForEvent("download"),
      session.page.locator("ui-title-bar").getByRole("button", { name: "Export" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("backorders.csv");
  });

  it("without App Bridge the same dialogs are Polaris modals and the title is Polaris' page header", async () => {
    await session.page.route("**/admin/app-bridge-stand-in.js", (route) =>
      route.fulfill({ contentType: "text/javascript", body: "" }),
    );
    try {
      await open();
      await visit(session.page, "ETAs", "ETAs");
      expect(await session.page.locator("ui-title-bar").count()).toBe(0);
      await session.page.getByRole("button", { name: "Import CSV" }).click();
      const dialog = session.page.getByRole("dialog", { name: "Import ETAs from CSV" });
      await dialog.getByText("Add CSV file").waitFor();
      expect(await session.page.locator("ui-modal").count()).toBe(0);
      expect(await session.page.locator(".Polaris-Modal-Dialog").count()).toBe(1);
      await dialog.getByRole("button", { name: "Close" }).last().click();
      await expect.poll(() => session.page.getByRole("dialog").count()).toBe(0);
    } finally {
      await session.page.unroute("**/admin/app-bridge-stand-in.js");
    }
  });
});

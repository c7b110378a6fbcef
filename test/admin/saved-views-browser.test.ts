import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { BROWSER_SHOP, screenshot, useLoggedInSession, visit } from "./helpers/admin-browser-session.ts";

// Saved views as a merchant uses them on Shopify's own lists: a search saved as a tab, reopened by a
// reload of its link, renamed and deleted; on ETAs the "Backordered, no ETA" to-do list saved as a
// view; one step in French. The seeded shop (seed-browser-shop.ts) has three open lines: two of
// "Forest green / M" (#1001, #1002) and the black cap (CAP-BLK, #1002).
const rowsOf = (page: Page, text: string) => page.getByRole("row").filter({ hasText: text });
const selected = (page: Page, name: string) =>
  page.getByRole("tab", { name, exact: true }).getAttribute("aria-selected");

/** Opens the filter bar and types into the list's search box. */
async function search(page: Page, placeholder: string | RegExp, text: string) {
  await page.getByRole("button", { name: /Search and filter/ }).click();
  await page.getByPlaceholder(placeholder).fill(text);
}

/** "Save as" from the filter bar (the filters differ from a built-in view), then the new tab is selected. */
async function saveViewAs(page: Page, name: string) {
  await page.getByRole("button", { name: "Save as", exact: true }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByRole("button", { name: "Save", exact: true }).click();
  await expect.poll(() => selected(page, name)).toBe("true");
}

describe("saved views in the admin", () => {
  const session = useLoggedInSession();
  const storedQuery = (id: string) => async () =>
    (await session.app.deps.db.savedView.findUniqueOrThrow({ where: { id } })).query;

  it("saves a Backorders search as a view, reopens it from its link, renames and deletes it", async () => {
    const { page, app, shopId } = session;
    await visit(page, "Backorders", "Backorders");
    await rowsOf(page, "Forest green / M").first().waitFor();
    await search(page, "Search by order, customer, product or SKU", "CAP-BLK");
    await expect.poll(() => rowsOf(page, "Forest green / M").count()).toBe(0);
    expect(await rowsOf(page, "Black").count()).toBe(1);
    // The filters differ from the built-in "Open" view: "Save as" names a new one.
    await saveViewAs(page, "Caps waiting");
    const stored = await app.deps.db.savedView.findFirstOrThrow({ where: { shopId, list: "backorders" } });
    expect(stored.query).toEqual({ status: "OPEN", overdue: false, search: "CAP-BLK", product: "" });
    expect(new URL(page.url()).searchParams.get("view")).toBe(stored.id);

    // The link reopens the view with its filters.
    await page.reload();
    await page.getByRole("heading", { name: "Backorders", level: 1 }).waitFor();
    await expect.poll(() => selected(page, "Caps waiting")).toBe("true");
    await expect.poll(() => rowsOf(page, "Black").count()).toBe(1);
    expect(await rowsOf(page, "Forest green / M").count()).toBe(0);
    await screenshot(page, "saved-views-1-backorders");

    // Another view, then back to the saved one: its filters apply again.
    await page.getByRole("tab", { name: "All", exact: true }).click();
    await expect.poll(() => rowsOf(page, "Forest green / M").count()).toBe(2);
    await page.getByRole("tab", { name: "Caps waiting" }).click();
    await expect.poll(() => rowsOf(page, "Forest green / M").count()).toBe(0);
    expect(await rowsOf(page, "Black").count()).toBe(1);

    // The selected tab's actions: rename.
    const dialog = page.getByRole("dialog");
    await page.getByRole("tab", { name: "Caps waiting" }).click();
    await page.getByRole("menuitem", { name: "Rename view" }).click();
    await dialog.getByLabel("Name").fill("Black caps");
    await dialog.getByRole("button", { name: "Save", exact: true }).click();
    await page.getByRole("tab", { name: "Black caps" }).waitFor();
    await expect
      .poll(async () => (await app.deps.db.savedView.findUniqueOrThrow({ where: { id: stored.id } })).name)
      .toBe("Black caps");

    // Delete: the list goes back to the first built-in view.
    await page.getByRole("tab", { name: "Black caps" }).click();
    await page.getByRole("menuitem", { name: "Delete view" }).click();
    await dialog.getByRole("button", { name: "Delete view" }).click();
    await expect.poll(() => page.getByRole("tab", { name: "Black caps" }).count()).toBe(0);
    await expect.poll(() => selected(page, "Open")).toBe("true");
    await expect.poll(() => rowsOf(page, "Forest green / M").count()).toBe(2);
    expect(await app.deps.db.savedView.count({ where: { shopId } })).toBe(0);
    expect(new URL(page.url()).searchParams.get("view")).toBe("open");
  });

  it("saves ETAs' “Backordered, no ETA” to-do list with a search as a view", async () => {
    const { page, app, shopId } = session;
    await visit(page, "ETAs", "ETAs");
    await page.getByRole("tab", { name: "Backordered, no ETA" }).click();
    await expect.poll(() => rowsOf(page, "Black").count()).toBe(0);
    expect(await rowsOf(page, "Glacier blue / M").count()).toBe(1);
    await search(page, /Search by product/, "HOOD");
    await saveViewAs(page, "Hoodies to date");
    const stored = await app.deps.db.savedView.findFirstOrThrow({ where: { shopId, list: "etas" } });
    expect(stored.query).toEqual({ filter: "no_eta", search: "HOOD" });
    // Changing the saved view's search and saving it updates the view itself.
    await search(page, /Search by product/, "Glacier");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect.poll(storedQuery(stored.id)).toEqual({ filter: "no_eta", search: "Glacier" });
    await screenshot(page, "saved-views-2-etas");
  });

  it("creates a view with +, and past 20 views shows the server's sentence and no more +", async () => {
    const { page, app, shopId } = session;
    await page.getByRole("tab", { name: "Overdue ETA", exact: true }).click();
    await expect.poll(() => rowsOf(page, "Glacier blue / M").count()).toBe(0);
    await page.getByRole("button", { name: "Create new view" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Name").fill("Late dates");
    await dialog.getByRole("button", { name: "Create view" }).click();
    await expect.poll(() => selected(page, "Late dates")).toBe("true");
    const late = await app.deps.db.savedView.findFirstOrThrow({ where: { shopId, name: "Late dates" } });
    expect(late.query).toEqual({ filter: "overdue", search: "" });

    // Fill the list up to its 20 views behind the page's back: the next save is refused by the server.
    await app.deps.db.savedView.createMany({
      data: Array.from({ length: 18 }, (_, i) => ({
        shopId,
        list: "etas",
        name: `Filler ${i}`,
        nameKey: `filler ${i}`,
        query: {},
        position: 10 + i,
      })),
    });
    await search(page, /Search by product/, "Cap");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect.poll(storedQuery(late.id)).toEqual({ filter: "overdue", search: "Cap" });
    await page.getByRole("tab", { name: "All", exact: true }).click();
    await search(page, /Search by product/, "Hood");
    await page.getByRole("button", { name: "Save as", exact: true }).click();
    await dialog.getByLabel("Name").fill("One too many");
    await dialog.getByRole("button", { name: "Save", exact: true }).click();
    await page
      .getByText("View not changed: You can save up to 20 views on this list. Delete a view to save another.")
      .waitFor();
    expect(await app.deps.db.savedView.count({ where: { shopId, list: "etas" } })).toBe(20);
    // After a reload the page knows the list is full: no + to create a view.
    await page.reload();
    await page.getByRole("heading", { name: "ETAs", level: 1 }).waitFor();
    await page.getByRole("tab", { name: "All", exact: true }).waitFor();
    expect(await page.getByRole("button", { name: "Create new view" }).count()).toBe(0);
    // Back to the two views the French step expects (French tab names are wider: fewer fit).
    await app.deps.db.savedView.deleteMany({
      where: { shopId, OR: [{ name: { startsWith: "Filler" } }, { id: late.id }] },
    });
  });

  it("in French: Polaris' view actions and the app's toast speak French", async () => {
    const { page, app } = session;
    const token = await app.token(BROWSER_SHOP, { ttlSeconds: 120 });
    await page.goto(`${app.url}/admin/etas?shop=${BROWSER_SHOP}&id_token=${token}&locale=fr`, {
      waitUntil: "load",
    });
    await page.getByRole("heading", { name: "Dates prévues", level: 1 }).waitFor();
    await page.getByRole("tab", { name: "Hoodies to date" }).click();
    await page.getByRole("tab", { name: "Hoodies to date" }).click();
    await page.getByRole("menuitem", { name: "Dupliquer la vue" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Nom").fill("Sweats sans date");
    await dialog.getByRole("button", { name: "Créer une vue" }).click();
    await expect.poll(() => selected(page, "Sweats sans date")).toBe("true");
    await page.getByText("Vue enregistrée").waitFor();
    await screenshot(page, "fr/saved-views-etas");

    // Six views do not fit the row in French: the rest are one click away through "More views", on
    // the tabs' own line. Polaris measured the row without the selected view's chevron, so the button
    // wrapped below it, where the row's overflow hid it (polaris-tabs-measure.css).
    const more = page.getByRole("button", { name: "Plus de vues" });
    const moreBox = await more.boundingBox();
    const rowBox = await page.getByRole("tab", { name: "Toutes", exact: true }).boundingBox();
    expect(Math.abs(moreBox!.y - rowBox!.y)).toBeLessThan(8);
    await more.click({ timeout: 5_000 });
    await page.getByRole("button", { name: "Date prévue dépassée" }).click({ timeout: 5_000 });
    await expect.poll(() => selected(page, "Date prévue dépassée")).toBe("true");
  });
});

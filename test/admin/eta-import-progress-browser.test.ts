// Issue 23: a 20,000-row ETA import shows its progress by rows in the import modal ("12,000 of
// 20,000 rows", a progress bar), then the same report as a small file.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isoDaysFromToday } from "../helpers/future-date.ts";
import { etaImportCsv, seedManyVariants } from "../helpers/seed-many-variants.ts";
import path from "node:path";
import {
  ARTIFACTS,
  logIn,
  openAdminBrowserSession,
  visit,
  type AdminBrowserSession,
} from "./helpers/admin-browser-session.ts";

const ROWS = 20_000;

describe("ETA import progress in the admin", () => {
  let session: AdminBrowserSession;
  let variantIds: bigint[];

  beforeAll(async () => {
    session = await openAdminBrowserSession();
    variantIds = await seedManyVariants(session.app.deps.db, session.shopId, ROWS);
    await logIn(session);
    await visit(session.page, "ETAs", "ETAs");
  }, 180_000);
  afterAll(() => session?.close());

  it("shows rows done of 20,000 while the import runs, then the report", async () => {
    const { page } = session;
    const eta = isoDaysFromToday(40);
    await page.locator("ui-title-bar").getByRole("button", { name: "Import CSV" }).click();
    const dialog = page.getByRole("dialog", { name: "Import ETAs from CSV" });
    await dialog.locator('input[type="file"]').waitFor({ state: "attached" });
    // Every text the progress line shows, as the merchant would have read it.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { progressSeen: string[] }).progressSeen = seen;
      new MutationObserver(() => {
        const text = document.querySelector("[data-eta-import-progress] p")?.textContent ?? "";
        if (text && seen.at(-1) !== text) seen.push(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await dialog.locator('input[type="file"]').setInputFiles({
      name: "etas.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(etaImportCsv(variantIds, eta)),
    });

    await dialog.getByText(/^[\d,]+ of 20,000 rows$/).waitFor();
    expect(await dialog.getByRole("progressbar").count()).toBe(1);
    await dialog.screenshot({ path: path.join(ARTIFACTS, "etas-import-progress.png") });
    await dialog.getByText(`etas.csv: 20,000 variants updated`).waitFor({ timeout: 60_000 });
    expect(await dialog.getByRole("progressbar").count()).toBe(0);
    await dialog.screenshot({ path: path.join(ARTIFACTS, "etas-import-20000-report.png") });

    const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
    console.log(`progress seen: ${seen.join(" | ")}`);
    const done = seen
      .map((text) => /^([\d,]+) of 20,000 rows$/.exec(text)?.[1])
      .filter((n): n is string => n !== undefined)
      .map((n) => Number(n.replace(/,/g, "")));
    expect(seen[0]).toBe("Sending etas.csv…");
    // Part way there at least once, never going back, and every row applied at the end.
    expect(done.some((n) => n > 0 && n < ROWS)).toBe(true);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    const stored = await session.app.deps.db.variantEta.count({
      where: { shopId: session.shopId, variantId: { in: variantIds }, message: { startsWith: "Row " } },
    });
    expect(stored).toBe(ROWS);
  }, 120_000);

  it("says a file over the 10 MB limit is too large, in words, and applies nothing", async () => {
    const { page } = session;
    await page.reload({ waitUntil: "load" });
    await page.getByRole("heading", { name: "ETAs", level: 1 }).waitFor();
    await page.locator("ui-title-bar").getByRole("button", { name: "Import CSV" }).click();
    const dialog = page.getByRole("dialog", { name: "Import ETAs from CSV" });
    const row = `${variantIds[0]},${isoDaysFromToday(50)},${"x".repeat(480)}\r\n`;
    const big = "variant_id,eta,message\r\n" + row.repeat(Math.ceil((10.5 * 1024 * 1024) / row.length));
    await dialog
      .locator('input[type="file"]')
      .setInputFiles({ name: "big.csv", mimeType: "text/csv", buffer: Buffer.from(big) });
    await dialog
      .getByText("big.csv is larger than 10 MB: split it into smaller files and import each")
      .waitFor();
    // Refused before any import began: the only import is the 20,000-row one above.
    expect(await session.app.deps.db.etaImport.count({ where: { shopId: session.shopId } })).toBe(1);
  }, 60_000);
});

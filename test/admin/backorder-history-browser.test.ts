import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recomputeVariant } from "../../web/server/backorders/recompute-variant.ts";
import {
  openAdminBrowserSession,
  screenshot,
  visit,
  type AdminBrowserSession,
} from "./helpers/admin-browser-session.ts";

const SHOP = "history-outfitters.myshopify.com";
const PRODUCT = 9007199254751001n;
const BOOT = 9007199254752001n; // 2 ordered, none in stock: a full backorder, ready 60 s later
const SCARF = 9007199254752003n; // 3 ordered, 2 in stock: a partial backorder, still waiting
const ORDER_BOOT = 9007199254753001n;
const ORDER_SCARF = 9007199254753003n;

/**
 * The backorder history as the merchant reads it: lines go through the real engine
 * (recomputeVariant) at chosen instants, then the dashboard and the list are read in Chromium.
 */
describe("backorder history in the admin", () => {
  let session: AdminBrowserSession;
  let page: Page;

  beforeAll(async () => {
    session = await openAdminBrowserSession();
    page = session.page;
    const { app } = session;
    const db = app.deps.db;
    const shopId = await app.installShop(SHOP, { name: "History Outfitters" });
    const placedAt = new Date(Date.now() - 3_600_000);
    await db.product.create({ data: { shopId, productId: PRODUCT, title: "Trail Kit" } });
    await db.variant.createMany({
      data: [
        { shopId, variantId: BOOT, productId: PRODUCT, title: "Wool Boot / 42", available: -2 },
        { shopId, variantId: SCARF, productId: PRODUCT, title: "Scarf / Grey", available: -1 },
      ].map((v) => ({ ...v, inventoryPolicy: "CONTINUE", tracked: true })),
    });
    for (const [orderId, name, lineItemId, variantId, title, quantity] of [
      [ORDER_BOOT, "#2001", 9007199254754001n, BOOT, "Wool Boot", 2],
      [ORDER_SCARF, "#2002", 9007199254754003n, SCARF, "Scarf", 3],
    ] as const) {
      await db.order.create({
        data: {
          shopId,
          orderId,
          name,
          email: "walker@example.com",
          placedAt,
          lines: {
            create: {
              shopId,
              lineItemId,
              variantId,
              productId: PRODUCT,
              title,
              quantity,
              openQuantity: quantity,
              placedAt,
            },
          },
        },
      });
    }
    const at = (ms: number) => ({
      db,
      queues: app.deps.queues,
      now: () => new Date(placedAt.getTime() + ms),
    });
    await recomputeVariant(at(0), shopId, BOOT);
    await recomputeVariant(at(0), shopId, SCARF);
    // Two boots arrive a minute after the order.
    await db.variant.update({
      where: { shopId_variantId: { shopId, variantId: BOOT } },
      data: { available: 0 },
    });
    await recomputeVariant(at(60_000), shopId, BOOT);
  }, 180_000);

  afterAll(() => session?.close());

  it("the dashboard reads a 60-second backorder time in minutes, and the partial/full counts", async () => {
    const token = await session.app.token(SHOP, { ttlSeconds: 120 });
    await page.goto(`${session.app.url}/admin?shop=${SHOP}&id_token=${token}`, { waitUntil: "load" });
    await page.getByRole("heading", { name: "Dashboard", level: 1 }).waitFor();
    // A metric card: its heading, value and detail share one parent.
    const card = (label: string) => page.getByRole("heading", { name: label, exact: true }).locator("..");
    await expect.poll(() => card("Average backorder time").textContent()).toContain("1 min");
    expect(await card("90th percentile").textContent()).toContain("1 min");
    const mix = card("Partial vs full backorders");
    await expect.poll(() => mix.textContent()).toContain("1 partial · 1 full");
    expect(await mix.textContent()).toContain("1 of 3 units waited");
    await screenshot(page, "history-1-dashboard");
  });

  it("the list shows a ready line's first and peak units, and its timeline", async () => {
    await visit(page, "Backorders", "Backorders");
    await page.getByRole("tab", { name: "All" }).click();
    const boot = page.getByRole("row").filter({ hasText: "#2001" });
    await boot.waitFor();
    const text = async () => (await boot.textContent())?.replace(/\s+/g, " ");
    await expect.poll(text).toMatch(/2 of 2\s*first 2 · peak 2/);
    expect(await text()).toMatch(/ready/i);
    const scarf = page.getByRole("row").filter({ hasText: "#2002" });
    expect((await scarf.textContent())?.replace(/\s+/g, " ")).toMatch(/1 of 3\s*first 1 · peak 1/);
    await screenshot(page, "history-2-backorders");

    await boot.getByRole("button", { name: /Unit history of #2001/ }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByText("Backordered at first: 2 · at the peak: 2.").waitFor();
    expect(await dialog.getByText("Full backorder: no unit came from stock.", { exact: false }).count()).toBe(
      1,
    );
    const rows = dialog.getByRole("row");
    const cells = async (i: number) => (await rows.nth(i).textContent())?.replace(/\s+/g, " ").trim();
    expect(await rows.count()).toBe(3); // heading + 2 changes
    expect(await cells(1)).toMatch(/Backordered\s*2\s*2$/);
    expect(await cells(2)).toMatch(/Ready to ship\s*0\s*2$/);
    await screenshot(page, "history-3-timeline");
    await dialog.getByRole("button", { name: "Close" }).first().click();
  });
});

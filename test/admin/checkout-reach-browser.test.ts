import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BROWSER_SHOP as SHOP,
  openAdminBrowserSession,
  screenshot,
  visit,
  type AdminBrowserSession,
} from "./helpers/admin-browser-session.ts";

/** The ETAs page's notice on where customers see estimates, as the merchant reads it. */
describe("ETAs page: checkout estimates and the shop's plan, in Chromium", () => {
  let session: AdminBrowserSession;
  let page: Page;

  beforeAll(async () => {
    session = await openAdminBrowserSession();
    page = session.page;
    const token = await session.app.token(SHOP, { ttlSeconds: 60 });
    await page.goto(`${session.app.url}/admin?shop=${SHOP}&id_token=${token}`, { waitUntil: "load" });
    await page.getByRole("heading", { name: "Dashboard", level: 1 }).waitFor();
  }, 180_000);
  afterAll(() => session?.close());

  async function notice(plan: { shopifyPlus: boolean | null; planName: string | null }) {
    await session.app.deps.db.shop.update({ where: { id: session.shopId }, data: plan });
    await visit(page, "Dashboard", "Dashboard");
    await visit(page, "ETAs", "ETAs");
    const banner = page.locator(".Polaris-Banner").first();
    await banner.waitFor();
    return banner;
  }

  it("a Basic shop is told checkout steps cannot show the block, and what to use instead", async () => {
    const banner = await notice({ shopifyPlus: false, planName: "Basic" });
    await expect
      .poll(() => banner.innerText())
      .toContain("Your store is on the Basic plan: the estimate block cannot appear in checkout steps");
    const text = await banner.innerText();
    expect(text).toContain(
      "The checkout and shipping steps show app extensions only on Shopify Plus stores.",
    );
    expect(text).toContain(
      "add the cart block of the theme extension (“Backorder estimates (cart)”) to your cart page",
    );
    expect(text).toContain("checkout shows that label on every plan");
    expect(text).toContain("the thank-you and order status pages");
    await screenshot(page, "etas-checkout-reach-basic");
  });

  it("a Plus shop is told checkout shows the estimate", async () => {
    const banner = await notice({ shopifyPlus: true, planName: "Plus" });
    await expect
      .poll(() => banner.innerText())
      .toContain("Your store is on Shopify Plus: checkout shows the estimate too");
    expect(await banner.innerText()).toContain("Backorder Hub block in the checkout editor");
    await screenshot(page, "etas-checkout-reach-plus");
  });

  it("a shop whose plan is not known yet gets the rule for both", async () => {
    const banner = await notice({ shopifyPlus: null, planName: null });
    const text = await banner.innerText();
    expect(text).toContain("Checkout steps show the estimate on Shopify Plus stores only");
    expect(text).toContain("On other plans, add the cart block of the theme extension");
  });
});

import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BROWSER_SHOP as SHOP,
  openAdminBrowserSession,
  screenshot,
  visit,
  type AdminBrowserSession,
  saveFromSaveBar,
} from "./helpers/admin-browser-session.ts";

// The Settings page's Privacy section: the webhook body retention and the customers/data_request
// exports the merchant downloads (docs/privacy.md).
describe("privacy settings in Chromium", () => {
  let session: AdminBrowserSession;

  beforeAll(async () => {
    session = await openAdminBrowserSession();
  }, 180_000);
  afterAll(() => session?.close());

  it("shows the retention, saves a new one, and downloads a customer's data export", async () => {
    const { app, page, shopId } = session;
    await app.deps.db.dataExport.create({
      data: {
        shopId,
        kind: "customers/data_request",
        subject: "customer:7310000000000001",
        payload: { customer: { id: "7310000000000001", email: "mira@example.com" }, orders: [] },
      },
    });
    const token = await app.token(SHOP, { ttlSeconds: 60 });
    await page.goto(`${app.url}/admin?shop=${SHOP}&id_token=${token}`, { waitUntil: "load" });
    await page.getByRole("heading", { name: "Dashboard", level: 1 }).waitFor();
    await visit(page, "Settings", "Settings");
    const retention = page.getByLabel("Keep webhook bodies");
    await expect.poll(() => retention.inputValue()).toBe("7");
    const row = page.getByText("customer:7310000000000001");
    await row.waitFor();
    await screenshot(page, "privacy-settings");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download" }).click(),
    ]);
    const file = JSON.parse(fs.readFileSync((await download.path())!, "utf8")) as {
      customer: { email: string };
    };
    expect(download.suggestedFilename()).toMatch(/^customer-data-.+\.json$/);
    expect(file.customer.email).toBe("mira@example.com");

    await retention.fill("40");
    await saveFromSaveBar(page);
    await page.getByText("Some settings need fixing").waitFor();
    await retention.fill("3");
    await saveFromSaveBar(page);
    await page.getByText("Settings saved").waitFor();
    const saved = await app.deps.db.shopSettings.findUniqueOrThrow({ where: { shopId } });
    expect(saved.webhookBodyRetentionDays).toBe(3);
  }, 120_000);
});

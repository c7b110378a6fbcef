import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BROWSER_SHOP as SHOP,
  openAdminBrowserSession,
  screenshot,
  visit,
  type AdminBrowserSession,
} from "./helpers/admin-browser-session.ts";

// The Integrations page's API keys: created with the key shown once, its last use shown after a
// real /api/v1 call, revoked from the page (the key then gets 401).
describe("API keys on the integrations page in Chromium", () => {
  let session: AdminBrowserSession;
  beforeAll(async () => {
    session = await openAdminBrowserSession();
  }, 180_000);
  afterAll(() => session?.close());

  it("creates a key shown once, shows its last use and revokes it", async () => {
    const { app, page } = session;
    const token = await app.token(SHOP, { ttlSeconds: 60 });
    await page.goto(`${app.url}/admin?shop=${SHOP}&id_token=${token}`, { waitUntil: "load" });
    await page.getByRole("heading", { name: "Dashboard", level: 1 }).waitFor();
    await visit(page, "Integrations", "Integrations");

    await page.getByLabel("Key name").fill("ERP sync");
    await page.getByLabel("Access").selectOption("read_write");
    await page.getByRole("button", { name: "Create key" }).click();
    const shown = page.getByTestId("shown-once");
    await shown.waitFor();
    const secret = (await shown.textContent()) ?? "";
    expect(secret).toMatch(/^bhk_/);
    const table = page.getByRole("region", { name: "API keys" });
    await table.getByText("ERP sync").waitFor();
    await table.getByText("Read and write").waitFor();
    await table.getByText(`${secret.slice(0, 12)}…`).waitFor();
    await table.getByText("Never").waitFor();
    await screenshot(page, "integrations-api-keys");

    const call = () =>
      fetch(`${app.url}/api/v1/subscriptions`, { headers: { Authorization: `Bearer ${secret}` } });
    expect((await call()).status).toBe(200);
    // Reloaded, the key is not shown again and its last use is.
    await page.reload();
    await page.getByRole("heading", { name: "Integrations", level: 1 }).waitFor();
    await table.getByText("ERP sync").waitFor();
    expect(await page.getByTestId("shown-once").count()).toBe(0);
    expect(await page.content()).not.toContain(secret.slice(12));
    expect(await table.getByText("Never").count()).toBe(0);

    await table.getByRole("button", { name: "Revoke" }).click();
    await table.getByText(/^Revoked /).waitFor();
    expect((await call()).status).toBe(401);
  }, 120_000);
});

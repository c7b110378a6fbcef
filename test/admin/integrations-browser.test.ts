import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INTEGRATION_EVENT_TYPES } from "../../web/server/integrations/events/integration-event-types.ts";
import { attemptJobId } from "../../web/server/integrations/outgoing/deliver-webhook.ts";
import {
  BROWSER_SHOP as SHOP,
  openAdminBrowserSession,
  screenshot,
  visit,
  type AdminBrowserSession,
} from "./helpers/admin-browser-session.ts";

// The Integrations page: add a webhook endpoint (secret shown once), the banner of an endpoint the
// app disabled, an endpoint's deliveries with a working Redeliver button, and API keys.
describe("integrations page in Chromium", () => {
  let session: AdminBrowserSession;
  beforeAll(async () => {
    session = await openAdminBrowserSession();
  }, 180_000);
  afterAll(() => session?.close());

  it("adds an endpoint, shows its secret once, warns about a disabled one and redelivers", async () => {
    const { app, page, shopId } = session;
    const db = app.deps.db;
    const dead = await db.webhookEndpoint.create({
      data: {
        shopId,
        url: "https://erp.example.com/hooks",
        events: ["backorder.created"],
        secret: "unused",
        enabled: false,
        disabledAt: new Date("2026-12-01T10:00:00Z"),
        disabledReason: "Every delivery failed for 24 hours",
      },
    });
    await db.integrationEvent.create({
      data: { id: "evt_" + "a".repeat(32), shopId, type: "backorder.created", payload: {} },
    });
    const delivery = await db.webhookDelivery.create({
      data: {
        shopId,
        endpointId: dead.id,
        eventId: "evt_" + "a".repeat(32),
        status: "FAILED",
        attempts: 8,
        lastStatusCode: 502,
      },
    });
    const token = await app.token(SHOP, { ttlSeconds: 60 });
    await page.goto(`${app.url}/admin?shop=${SHOP}&id_token=${token}`, { waitUntil: "load" });
    await page.getByRole("heading", { name: "Dashboard", level: 1 }).waitFor();
    await visit(page, "Integrations", "Integrations");
    await page.getByText("Webhook endpoint disabled: https://erp.example.com/hooks").waitFor();
    await page.getByText("Every delivery failed for 24 hours").first().waitFor();

    await page.getByLabel("Endpoint URL").fill("http://127.0.0.1:9/hooks");
    await page.getByRole("button", { name: "Add endpoint" }).click();
    const shown = page.getByTestId("shown-once");
    await shown.waitFor();
    const secret = (await shown.textContent()) ?? "";
    expect(secret).toMatch(/^whsec_/);
    const created = await db.webhookEndpoint.findFirstOrThrow({
      where: { shopId, url: "http://127.0.0.1:9/hooks" },
    });
    expect(created.events).toHaveLength(INTEGRATION_EVENT_TYPES.length); // every event checked by default
    expect(created.secret).not.toContain(secret.slice(6));
    await screenshot(page, "integrations");

    // Deliveries of the disabled endpoint: listed; enabling it allows a redelivery.
    const card = page.getByRole("region", { name: "Endpoint https://erp.example.com/hooks" });
    await card.getByRole("button", { name: "Enable" }).click();
    await card.getByRole("button", { name: "Deliveries" }).click();
    await card.getByText("Failed").waitFor();
    await card.getByText("502").waitFor();
    await card.getByRole("button", { name: "Redeliver" }).click();
    await expect
      .poll(
        async () => (await app.deps.queues.get("events").getJob(attemptJobId(delivery.id, 9)))?.id ?? null,
      )
      .toBe(attemptJobId(delivery.id, 9));
    await card.getByText("Retrying").waitFor();

    // Flow: the trigger a workflow uses; Klaviyo: connect with a private key.
    await db.flowTriggerState.create({
      data: { shopId, handle: "eta-changed", enabled: true, changedAt: new Date() },
    });
    await page.reload();
    await page.getByRole("heading", { name: "Integrations", level: 1 }).waitFor();
    await page.getByText("In use").waitFor();
    await page.getByLabel("Klaviyo private API key").fill("pk_browser_key_0123456789");
    await page.getByRole("button", { name: "Connect" }).click();
    await page.getByText("Connected: signups and backorders are sent as Klaviyo events.").waitFor();
    expect(await db.klaviyoSettings.count({ where: { shopId } })).toBe(1);
  }, 120_000);

  // API keys: created with the key shown once, its last use shown after a real /api/v1 call,
  // revoked from the page (the key then gets 401).
  it("creates an API key shown once, shows its last use and revokes it", async () => {
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

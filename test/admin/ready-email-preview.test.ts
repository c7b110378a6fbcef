import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDefaultTemplate } from "../../web/server/emails/render/load-default-template.ts";
import { startAdminApp, type AdminTestApp } from "./helpers/start-admin-app.ts";

const SHOP = "ready-preview.myshopify.com";

/** The editor previews the ready email with READY lines, as customers get it. */
describe("backorder_ready preview", () => {
  let app: AdminTestApp;
  beforeAll(async () => {
    app = await startAdminApp();
    await app.installShop(SHOP, { name: "Ready Preview Shop" });
  });
  afterAll(() => app?.close());

  const preview = async (source: { subject: string; html: string; text: string }) => {
    const res = await app.api(SHOP, "/emails/preview", {
      method: "POST",
      body: { kind: "backorder_ready", locale: "en", ...source },
    });
    expect(res.status).toBe(200);
    return (await res.json()).preview as { subject: string; html: string; text: string };
  };

  it("shows the 0 a template printing backordered_quantity would send", async () => {
    const shown = await preview({
      subject: "Ready",
      html: "<p>{% for line in lines %}[{{ line.title }}: {{ line.backordered_quantity }}]{% endfor %}</p>",
      text: "{% for line in lines %}[{{ line.title }}: {{ line.backordered_quantity }}]{% endfor %}",
    });
    expect(shown.text).toContain("[Merino Trail Hoodie: 0][Waxed Canvas Cap: 0]");
  });

  it("the built-in template reads the units that became ready, and what already shipped", async () => {
    const shown = await preview(await loadDefaultTemplate("backorder_ready", "en"));
    expect(shown.text).toMatch(/Merino Trail Hoodie \(Forest green \/ M\)\s+Quantity: 2\n/);
    expect(shown.text).toMatch(/Waxed Canvas Cap\s+Quantity: 1 \(2 of 3 already shipped\)/);
    expect(shown.text).not.toContain("Quantity: 0");
  });
});

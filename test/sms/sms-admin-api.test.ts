import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAdminApp, type AdminTestApp } from "../admin/helpers/start-admin-app.ts";
import { decryptToken } from "../../web/server/shopify/sessions/token-cipher.ts";

const SHOP = "sms-settings.myshopify.com";
const OTHER = "sms-other.myshopify.com";
const SID = `AC${"0f".repeat(16)}`;

describe("/api/sms-settings and /api/sms-templates", () => {
  let app: AdminTestApp;
  let shopId: string;
  beforeAll(async () => {
    app = await startAdminApp();
    shopId = await app.installShop(SHOP);
    await app.installShop(OTHER);
  });
  afterAll(() => app?.close());

  it("stores the auth token encrypted, never answers it, and refuses bad values with 422", async () => {
    expect((await (await app.api(SHOP, "/sms-settings")).json()).settings).toMatchObject({
      enabled: false,
      signupChannels: "email",
      authTokenSet: false,
    });
    const put = await app.api(SHOP, "/sms-settings", {
      method: "PUT",
      body: {
        enabled: true,
        signupChannels: "both",
        accountSid: SID,
        authToken: "secret-token-123456",
        fromNumber: "+1 (415) 555-2671",
        quietStartMinute: 21 * 60,
        quietEndMinute: 8 * 60,
      },
    });
    expect(put.status).toBe(200);
    const body = await put.json();
    expect(JSON.stringify(body)).not.toContain("secret-token-123456");
    expect(body.settings).toMatchObject({
      authTokenSet: true,
      fromNumber: "+14155552671",
      quietStartMinute: 1260,
    });
    expect(body.inboundUrl).toMatch(new RegExp(`/sms/twilio/${shopId}/inbound$`));
    const row = await app.deps.db.smsSettings.findUniqueOrThrow({ where: { shopId } });
    expect(row.authTokenEncrypted).toMatch(/^enc1:/);
    expect(decryptToken(app.config.tokenKeys, row.authTokenEncrypted!)).toBe("secret-token-123456");

    for (const bad of [
      { accountSid: "nope" },
      { fromNumber: "12" },
      { signupChannels: "pigeon" },
      { quietStartMinute: 60 },
      { baseUrl: "ftp://x" },
      { surprise: true },
    ]) {
      const res = await app.api(SHOP, "/sms-settings", { method: "PUT", body: bad });
      expect(res.status, JSON.stringify(bad)).toBe(422);
    }
    // Another shop sees its own defaults.
    expect((await (await app.api(OTHER, "/sms-settings")).json()).settings.enabled).toBe(false);
  });

  it("lists the default texts with segment counts and saves the merchant's own", async () => {
    const list = await (await app.api(SHOP, "/sms-templates")).json();
    const en = list.templates.find((t: { locale: string }) => t.locale === "en");
    expect(en).toMatchObject({ kind: "restock", custom: false, segments: { encoding: "GSM-7" } });
    const put = await app.api(SHOP, "/sms-templates", {
      method: "PUT",
      body: { kind: "restock", locale: "de", body: "{{ product_title }} ist da 👍 {{ url }}" },
    });
    expect(put.status).toBe(200);
    expect((await put.json()).template).toMatchObject({ custom: true, segments: { encoding: "UCS-2" } });
    const broken = await app.api(SHOP, "/sms-templates", {
      method: "PUT",
      body: { kind: "restock", locale: "de", body: "{% if %}" },
    });
    expect(broken.status).toBe(422);
    expect(await app.deps.db.smsTemplate.count({ where: { shopId } })).toBe(1);
  });
});

import { createServer } from "node:net";
import type { Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { variantStockChangedJob } from "../../web/server/queues/definitions/variant-stock-changed.ts";
import { restockWaveJob } from "../../web/server/queues/definitions/restock-wave.ts";
import { createApp } from "../../web/server/app.ts";
import { updateSmsSettings } from "../../web/server/sms/sms-settings-repository.ts";
import { sendSmsBatch } from "../../web/server/sms/send-sms-batch.ts";
import { sweepAlertExpiry } from "../../web/server/subscriptions/sweep-alert-expiry.ts";
import { signTwilio } from "../../simulator/twilio/twilio-fake.ts";
import { waitFor } from "../helpers/wait-for.ts";
import { parseWebhookBody } from "../../web/server/webhooks/parse-webhook-body.ts";
import { attributeOrderConversions } from "../../web/server/restock/attribute-order-conversions.ts";
import {
  proxySignup,
  startAlertsFixture,
  type AlertsFixture,
  type TestShop,
} from "../alerts/alerts-fixture.ts";

const SID = `AC${"a1".repeat(16)}`;
const TOKEN = "sim-auth-token-0123456789";
const FROM = "+15005550006";

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * The SMS channel end to end: storefront signup with SMS consent through the app proxy, a restock
 * through the simulator, the text received once at the simulator's Twilio stand-in, its status
 * callback, STOP from the handset, and no text after that.
 */
describe("SMS alerts", () => {
  let fx: AlertsFixture;
  let appUrl: string;
  let publicServer: Server;
  let ip = 0;
  beforeAll(async () => {
    const port = await freePort();
    appUrl = `http://127.0.0.1:${port}`;
    // Twilio calls the app at its public URL (SHOPIFY_APP_URL): the same app listens there too.
    fx = await startAlertsFixture({ env: { SHOPIFY_APP_URL: appUrl } });
    publicServer = createApp(fx.app.deps).listen(port, "127.0.0.1");
    await fx.app.startWorker({ concurrency: 5 });
    fx.sim.twilio.addAccount(SID, TOKEN);
  });
  afterAll(async () => {
    await new Promise((resolve) => publicServer?.close(resolve));
    await fx?.close();
  });

  async function smsShop(
    name: string,
    quiet: { start: number; end: number } | null = null,
  ): Promise<TestShop> {
    const shop = await fx.addShop(name, { doubleOptIn: false });
    await updateSmsSettings(fx.app.deps.db, fx.app.deps.config, shop.id, {
      enabled: true,
      signupChannels: "both",
      accountSid: SID,
      authToken: TOKEN,
      fromNumber: FROM,
      baseUrl: fx.sim.origin,
      quietStartMinute: quiet?.start ?? null,
      quietEndMinute: quiet?.end ?? null,
    });
    fx.sim.twilio.setInboundUrl(FROM, SID, `${appUrl}/sms/twilio/${shop.id}/inbound`);
    return shop;
  }
  const signup = (shop: TestShop, body: Record<string, unknown>) =>
    proxySignup(fx.app, shop.domain, body, { ip: `198.51.100.${++ip}` });
  const restock = async (
    shop: TestShop,
    v: { variantId: bigint; inventoryItemId: bigint },
    units: number,
  ) => {
    fx.sim.setInventory(shop.domain, v.inventoryItemId, shop.locationId, units);
    await fx.app.deps.queues.enqueue(variantStockChangedJob, {
      shopId: shop.id,
      variantId: String(v.variantId),
    });
    return waitFor(() =>
      fx.app.deps.db.restockEvent.findFirst({ where: { shopId: shop.id, variantId: v.variantId } }),
    );
  };
  /** Quiet hours from an hour before the test clock's now to an hour after (UTC shop). */
  const quietHourAroundNow = () => {
    const minute = fx.clock.now.getUTCHours() * 60 + fx.clock.now.getUTCMinutes();
    return { start: (minute + 1440 - 60) % 1440, end: (minute + 60) % 1440 };
  };
  const textsTo = (phone: string) => fx.sim.twilio.messages.filter((m) => m.to === phone);

  it("signup with SMS consent, restock: one text and one email, delivered status recorded; STOP: no second text", async () => {
    const shop = await smsShop("Sms Shop");
    const v = await shop.addVariant({ title: "Merino Hoodie", stock: 0 });
    const refused = await signup(shop, {
      variant_id: String(v.variantId),
      phone: "(415) 555-2671",
      country: "US",
    });
    expect(refused.status).toBe(422);
    expect(JSON.stringify(await refused.json())).toContain("sms_consent");
    const bad = await signup(shop, { variant_id: String(v.variantId), phone: "555", sms_consent: true });
    expect(bad.status).toBe(422);
    expect(await fx.app.deps.db.subscription.count({ where: { shopId: shop.id } })).toBe(0);

    const ok = await signup(shop, {
      variant_id: String(v.variantId),
      phone: "(415) 555-2671",
      country: "US",
      sms_consent: true,
    });
    expect(ok.status).toBe(201);
    const both = await signup(shop, {
      variant_id: String(v.variantId),
      email: "both@example.com",
      phone: "+44 7911 123456",
      sms_consent: true,
    });
    expect(both.status).toBe(201);
    const phoneOnly = await fx.app.deps.db.subscription.findFirstOrThrow({
      where: { shopId: shop.id, phone: "+14155552671" },
    });
    expect(phoneOnly).toMatchObject({ email: null, status: "ACTIVE" });
    expect(phoneOnly.smsConsentAt).not.toBeNull();
    expect(phoneOnly.smsConsentText).toContain("Reply STOP");

    const event = await restock(shop, v, 10);
    await waitFor(async () =>
      textsTo("+14155552671").length === 1 && textsTo("+447911123456").length === 1 ? true : null,
    );
    await waitFor(async () => (fx.smtp.countTo("both@example.com") === 1 ? true : null));
    const text = textsTo("+14155552671")[0]!;
    expect(text.from).toBe(FROM);
    expect(text.body).toContain("Sms Shop: Merino Hoodie (Forest / M) is back in stock:");
    expect(text.body).toMatch(/utm_medium=sms&utm_campaign=restock&bh_token=[0-9a-f-]{36}\./);
    expect(text.body).toContain("Reply STOP to opt out.");
    // The page where the shopper manages their alerts, on the shop's storefront (app proxy).
    expect(text.body).toMatch(/ Manage alerts: https?:\/\/[^ ]+\/apps\/backorder\/alerts Reply STOP/);

    // One ledger row per channel per alert; the status callback (signed by the fake) lands.
    const rows = await fx.app.deps.db.notification.findMany({ where: { restockEventId: event.id } });
    expect(rows.map((r) => `${r.channel}:${r.recipient}`).sort()).toEqual([
      "email:both@example.com",
      "sms:+14155552671",
      "sms:+447911123456",
    ]);
    await fx.sim.twilio.settle();
    await waitFor(async () =>
      (await fx.app.deps.db.notification.count({
        where: { restockEventId: event.id, deliveryStatus: "delivered" },
      })) === 2
        ? true
        : null,
    );
    expect(
      (await fx.app.deps.db.restockEvent.findUniqueOrThrow({ where: { id: event.id } })).notifiedCount,
    ).toBe(2);

    // A duplicated wave job sends nothing more.
    await fx.app.deps.queues.enqueue(
      restockWaveJob,
      { shopId: shop.id, restockEventId: event.id, wave: 1 },
      { jobId: "dup-sms-wave" },
    );
    await new Promise((r) => setTimeout(r, 1_500));
    expect(textsTo("+14155552671")).toHaveLength(1);

    // Attribution: an order whose shipping phone (national format, US) is the texted number.
    const smsRow = rows.find((r) => r.recipient === "+14155552671")!;
    const order = parseWebhookBody(
      `{"id":9007199254740993,"email":"someone@example.com","created_at":"${new Date(Date.now() + 60_000).toISOString()}",
        "currency":"EUR","shipping_address":{"phone":"(415) 555-2671","country_code":"US"},
        "line_items":[{"id":90071992547409931,"variant_id":${v.variantId},"price":"89.00","quantity":1}]}`,
    );
    const ctx = {
      deps: fx.app.workerDeps,
      shop: { id: shop.id, domain: shop.domain, uninstalledAt: null, installedAt: new Date() },
      event: { id: 1n, topic: "orders/create", triggeredAt: null, receivedAt: new Date() },
    };
    expect(await attributeOrderConversions(ctx, order)).toBe(1);
    expect(await fx.app.deps.db.conversion.findFirstOrThrow({ where: { shopId: shop.id } })).toMatchObject({
      notificationId: smsRow.id,
    });

    // STOP from the handset: suppressed for this shop at once.
    const stop = await fx.sim.twilio.reply("+14155552671", FROM, "STOP");
    expect(stop.status).toBe(200);
    expect(
      await fx.app.deps.db.phoneSuppression.count({ where: { shopId: shop.id, phone: "+14155552671" } }),
    ).toBe(1);

    // The shopper signs up again for another variant; its restock texts nobody.
    const v2 = await shop.addVariant({ title: "Wool Beanie", stock: 0 });
    const again = await signup(shop, {
      variant_id: String(v2.variantId),
      phone: "+14155552671",
      sms_consent: true,
    });
    expect(again.status).toBe(201);
    const event2 = await restock(shop, v2, 5);
    const row = await waitFor(() =>
      fx.app.deps.db.notification.findFirst({
        where: { restockEventId: event2.id, status: { in: ["SUPPRESSED", "SENT"] } },
      }),
    );
    expect(row.status).toBe("SUPPRESSED");
    expect(textsTo("+14155552671")).toHaveLength(1);

    // HELP gets the help text; a reply with a wrong signature changes nothing (403).
    expect((await fx.sim.twilio.reply("+447911123456", FROM, "HELP")).reply).toContain("Reply STOP");
    const params = { From: "+447911123456", To: FROM, Body: "STOP", AccountSid: SID };
    const url = `${appUrl}/sms/twilio/${shop.id}/inbound`;
    const forged = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "x-twilio-signature": signTwilio("wrong-token", url, params),
      },
      body: new URLSearchParams(params).toString(),
    });
    expect(forged.status).toBe(403);
    expect(
      await fx.app.deps.db.phoneSuppression.count({ where: { shopId: shop.id, phone: "+447911123456" } }),
    ).toBe(0);
  }, 120_000);

  it("holds texts in the shop's quiet hours and sends them after", async () => {
    const shop = await smsShop("Quiet Shop", quietHourAroundNow());
    const v = await shop.addVariant({ title: "Night Lamp", stock: 0 });
    expect(
      (await signup(shop, { variant_id: String(v.variantId), phone: "+12015550123", sms_consent: true }))
        .status,
    ).toBe(201);
    const event = await restock(shop, v, 3);
    const row = await waitFor(() =>
      fx.app.deps.db.notification.findFirst({ where: { restockEventId: event.id, channel: "sms" } }),
    );
    await new Promise((r) => setTimeout(r, 1_500));
    expect(textsTo("+12015550123")).toHaveLength(0);
    expect((await fx.app.deps.db.notification.findUniqueOrThrow({ where: { id: row.id } })).status).toBe(
      "PENDING",
    );

    fx.clock.advanceMinutes(61);
    const result = await sendSmsBatch(fx.app.workerDeps, { shopId: shop.id, ids: [row.id] });
    expect(result).toMatchObject({ sent: 1, later: null });
    expect(textsTo("+12015550123")).toHaveLength(1);
  });

  it("tells a phone-only alert it ends soon by text: after quiet hours, once, never after STOP; its link renews", async () => {
    const db = fx.app.deps.db;
    const now = fx.clock.now;
    const shop = await smsShop("Renew Text Shop", quietHourAroundNow());
    const v = await shop.addVariant({ title: "Canyon Tent", stock: 0 });
    const started = new Date(now.getTime() - 175 * 24 * 3600_000); // expires in 5 days (180)
    const phoneOnly = async (phone: string) =>
      db.subscription.create({
        data: {
          shopId: shop.id,
          variantId: v.variantId,
          phone,
          status: "ACTIVE",
          activeKey: `${v.variantId}:${phone}`,
          confirmToken: `c-${phone}`,
          unsubscribeToken: `u-${phone}`,
          smsConsentAt: started,
          createdAt: started,
          confirmedAt: started,
        },
      });
    const keeper = await phoneOnly("+12015550177");
    const stopped = await phoneOnly("+12015550178");
    await db.phoneSuppression.create({ data: { shopId: shop.id, phone: "+12015550178", reason: "stop" } });

    expect(await sweepAlertExpiry(fx.app.workerDeps)).toMatchObject({ renewalEmails: 0, renewalTexts: 2 });
    const rows = await db.notification.findMany({ where: { shopId: shop.id, kind: "renewal" } });
    expect(rows.map((r) => [r.channel, r.idempotencyKey.startsWith(`renewal:sms:`)])).toEqual([
      ["sms", true],
      ["sms", true],
    ]);
    // Quiet hours: nothing goes out, the rows wait.
    const ids = rows.map((r) => r.id);
    expect((await sendSmsBatch(fx.app.workerDeps, { shopId: shop.id, ids })).later).not.toBeNull();
    expect(textsTo("+12015550177")).toHaveLength(0);

    fx.clock.advanceMinutes(61);
    // This call or the worker's job (enqueued by the sweep), whichever claims first: once either way.
    await sendSmsBatch(fx.app.workerDeps, { shopId: shop.id, ids });
    const settled = await waitFor(async () => {
      const now = await db.notification.findMany({ where: { shopId: shop.id, kind: "renewal" } });
      return now.every((r) => r.status !== "PENDING" && r.status !== "SENDING") ? now : null;
    });
    expect(settled.map((r) => [r.recipient, r.status]).sort()).toEqual([
      ["+12015550177", "SENT"],
      ["+12015550178", "SUPPRESSED"],
    ]);
    expect(textsTo("+12015550177")).toHaveLength(1);
    expect(textsTo("+12015550178")).toHaveLength(0);
    const [text] = textsTo("+12015550177");
    expect(text!.body).toContain("Renew Text Shop: your alert for Canyon Tent ends on ");
    expect(text!.body).toMatch(
      / Manage alerts: https?:\/\/[^ ]+\/apps\/backorder\/alerts Reply STOP to opt out\.$/,
    );
    const renewUrl = /Keep it: (\S+)/.exec(text!.body)![1]!;
    expect(renewUrl.startsWith(`${appUrl}/subscriptions/renew/`)).toBe(true);

    // The next day's sweep: no second notice this period, on any channel.
    fx.clock.advanceMinutes(24 * 60);
    expect(await sweepAlertExpiry(fx.app.workerDeps)).toMatchObject({ renewalTexts: 0, renewalEmails: 0 });
    expect(await db.notification.count({ where: { shopId: shop.id, kind: "renewal" } })).toBe(2);

    // The link: the page changes nothing, its button renews.
    const page = await fetch(renewUrl);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Canyon Tent");
    expect((await db.subscription.findUniqueOrThrow({ where: { id: keeper.id } })).renewedAt).toBeNull();
    const renewed = await fetch(renewUrl, { method: "POST" });
    expect(await renewed.text()).toContain("Your alert is renewed");
    expect((await db.subscription.findUniqueOrThrow({ where: { id: keeper.id } })).renewedAt).toEqual(
      fx.clock.now,
    );
    expect((await db.subscription.findUniqueOrThrow({ where: { id: stopped.id } })).renewedAt).toBeNull();
  });
});

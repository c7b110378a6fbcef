import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAdminApp, type AdminTestApp } from "./helpers/start-admin-app.ts";

const SHOP = "settings-a.myshopify.com";
// Shopify location ids above 2^53: must round-trip exactly as strings.
const LOCATION_1 = "90071992547409931";
const LOCATION_2 = "90071992547409933";

describe("/api/settings and /api/locations", () => {
  let app: AdminTestApp;
  let shopId: string;
  beforeAll(async () => {
    app = await startAdminApp();
    shopId = await app.installShop(SHOP);
    await app.deps.db.location.createMany({
      data: [
        { shopId, locationId: BigInt(LOCATION_1), name: "Warehouse" },
        { shopId, locationId: BigInt(LOCATION_2), name: "Shop floor", active: false },
      ],
    });
  });
  afterAll(() => app?.close());

  it("answers 401 without a session token", async () => {
    const res = await fetch(`${app.url}/api/settings`);
    expect(res.status).toBe(401);
  });

  it("returns the defaults for a new shop", async () => {
    const res = await app.api(SHOP, "/settings");
    expect(res.status).toBe(200);
    const { settings, sending } = await res.json();
    // Until the merchant sets their own, customers get the shop's name at the app's address.
    const { name } = await app.deps.db.shop.findUniqueOrThrow({ where: { id: shopId } });
    expect(sending).toEqual({
      from: `"${name}" <no-reply@localhost>`,
      needsSetup: true,
      senderDomain: "localhost",
      dkim: null,
    });
    expect(settings).toMatchObject({
      senderEmail: null,
      countedLocationIds: [],
      restockThreshold: 0,
      waveMultiplier: 3,
      waveWindowMinutes: 120,
      doubleOptIn: true,
      keepSubscribed: false,
      attributionWindowDays: 7,
      senderName: null,
      replyTo: null,
      sendRatePerSecond: 10,
      orderTag: "backorder",
      emailBackorderConfirmation: true,
      alertExpiryDays: 180,
      renewalEmailEnabled: true,
      reminderAfterHours: null,
    });
  });

  it("saves a partial update, keeps the rest, and reads it back", async () => {
    const put = await app.api(SHOP, "/settings", {
      method: "PUT",
      body: {
        waveMultiplier: 1.5,
        doubleOptIn: false,
        senderName: "Alpine",
        replyTo: "help@alpine.example",
        countedLocationIds: [LOCATION_1],
      },
    });
    expect(put.status).toBe(200);
    const { settings } = await (await app.api(SHOP, "/settings")).json();
    expect(settings).toMatchObject({
      waveMultiplier: 1.5,
      doubleOptIn: false,
      senderName: "Alpine",
      replyTo: "help@alpine.example",
      countedLocationIds: [LOCATION_1],
      waveWindowMinutes: 120,
    });
    const row = await app.deps.db.shopSettings.findUniqueOrThrow({ where: { shopId } });
    expect(row.waveMultiplier).toBe(1.5);
  });

  it.each([
    ["a negative threshold", { restockThreshold: -1 }, "restockThreshold"],
    ["a fractional threshold", { restockThreshold: 1.5 }, "restockThreshold"],
    ["a multiplier above 100", { waveMultiplier: 101 }, "waveMultiplier"],
    ["a window under 5 minutes", { waveWindowMinutes: 4 }, "waveWindowMinutes"],
    ["an attribution window of 0 days", { attributionWindowDays: 0 }, "attributionWindowDays"],
    ["a send rate of 0", { sendRatePerSecond: 0 }, "sendRatePerSecond"],
    ["alerts expiring within the renewal week", { alertExpiryDays: 7 }, "alertExpiryDays"],
    ["a reminder after 0 hours", { reminderAfterHours: 0 }, "reminderAfterHours"],
    ["a reply-to that is not an email", { replyTo: "nope" }, "replyTo"],
    ["a sender address that is not an email", { senderEmail: "orders@" }, "senderEmail"],
    ["a sender address with a line break", { senderEmail: "a@b.example\r\nBcc: x@y.z" }, "senderEmail"],
    ["a sender name with a line break", { senderName: "A\r\nBcc: x@y.z" }, "senderName"],
    ["an order tag with a comma", { orderTag: "a,b" }, "orderTag"],
    ["an empty order tag", { orderTag: "" }, "orderTag"],
    ["an order tag over 40 characters", { orderTag: "x".repeat(41) }, "orderTag"],
    ["a non-numeric location id", { countedLocationIds: ["gid://shopify/Location/1"] }, "countedLocationIds"],
    ["a location of no one", { countedLocationIds: ["123"] }, "countedLocationIds"],
  ])("refuses %s with 422 and the field's error, changing nothing", async (_name, body, field) => {
    const before = await app.deps.db.shopSettings.findUniqueOrThrow({ where: { shopId } });
    const res = await app.api(SHOP, "/settings", { method: "PUT", body });
    expect(res.status).toBe(422);
    const answer = await res.json();
    expect(Object.keys(answer.details.fieldErrors)).toContain(field);
    const after = await app.deps.db.shopSettings.findUniqueOrThrow({ where: { shopId } });
    expect(after).toEqual(before);
  });

  it("answers 400 for a string where a number goes (malformed, docs/api-errors.md), changing nothing", async () => {
    const before = await app.deps.db.shopSettings.findUniqueOrThrow({ where: { shopId } });
    const res = await app.api(SHOP, "/settings", { method: "PUT", body: { restockThreshold: "5" } });
    expect(res.status).toBe(400);
    expect(Object.keys((await res.json()).details.fieldErrors)).toContain("restockThreshold");
    expect(await app.deps.db.shopSettings.findUniqueOrThrow({ where: { shopId } })).toEqual(before);
  });

  it.each([
    ["fr-CA", "Saisissez 0 ou plus"],
    ["de", "Gib 0 oder mehr ein"],
    ["es-MX,es;q=0.9", "Introduce 0 o más"],
    ["ja", "Enter 0 or more"],
  ])("words field errors in the admin's language (Accept-Language %s): %s", async (language, sentence) => {
    const res = await fetch(`${app.url}/api/settings`, {
      method: "PUT",
      headers: {
        Authorization: `Bearer ${await app.token(SHOP)}`,
        "Content-Type": "application/json",
        "Accept-Language": language,
      },
      body: JSON.stringify({ restockThreshold: -1 }),
    });
    expect(res.status).toBe(422);
    expect((await res.json()).details.fieldErrors.restockThreshold).toEqual([sentence]);
  });

  it("refuses unknown keys", async () => {
    const res = await app.api(SHOP, "/settings", { method: "PUT", body: { shopId: "someone-else" } });
    expect(res.status).toBe(422);
  });

  it("lists locations with 64-bit ids and which ones count", async () => {
    await app.api(SHOP, "/settings", { method: "PUT", body: { countedLocationIds: [LOCATION_2] } });
    const { locations } = await (await app.api(SHOP, "/locations")).json();
    expect(locations).toEqual([
      { id: LOCATION_2, name: "Shop floor", active: false, counted: true },
      { id: LOCATION_1, name: "Warehouse", active: true, counted: false },
    ]);
    await app.api(SHOP, "/settings", { method: "PUT", body: { countedLocationIds: [] } });
    const all = await (await app.api(SHOP, "/locations")).json();
    expect(all.locations.map((l: { counted: boolean }) => l.counted)).toEqual([true, true]);
  });
});

import { messageText } from "../helpers/smtp-catcher.ts";
import { earlyInRateWindow } from "../helpers/early-in-rate-window.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { variantStockChangedJob } from "../../web/server/queues/definitions/variant-stock-changed.ts";
import { SIGNUP_LIMITS, signupCounterKey } from "../../web/server/subscriptions/check-signup-rate-limit.ts";
import { waitFor } from "../helpers/wait-for.ts";
import {
  addSubscribers,
  proxySignup,
  startAlertsFixture,
  type AlertsFixture,
  type TestShop,
  type TestVariant,
} from "./alerts-fixture.ts";

const CUSTOMER_ID = "9007199254740993"; // above 2^53

describe("storefront signup, confirm and unsubscribe", () => {
  let fx: AlertsFixture;
  let shop: TestShop;
  let variant: TestVariant;
  let ipCounter = 0;
  beforeAll(async () => {
    fx = await startAlertsFixture();
    shop = await fx.addShop("Signup Shop");
    variant = await shop.addVariant({ title: "Alpine Parka", stock: 0 });
    await fx.app.startWorker({ concurrency: 5 });
  });
  afterAll(() => fx?.close());

  const db = () => fx.app.deps.db;
  function signup(body: Record<string, unknown>, opts: { ip?: string; customerId?: string } = {}) {
    return proxySignup(fx.app, shop.domain, body, { ...opts, ip: opts.ip ?? `203.0.113.${++ipCounter}` });
  }

  it("creates a PENDING subscription, mails the confirmation link, and confirms it once", async () => {
    const res = await signup(
      {
        email: "  Jane.Doe@Example.com ",
        variant_id: String(variant.variantId),
        locale: "fr-CA",
        marketing_consent: true,
      },
      { customerId: CUSTOMER_ID },
    );
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ subscribed: true });
    const sub = await db().subscription.findFirstOrThrow({
      where: { shopId: shop.id, email: "jane.doe@example.com" },
    });
    expect(sub).toMatchObject({
      status: "PENDING",
      locale: "fr-CA",
      // Asked for, not given: it counts once the address owner confirms.
      marketingConsent: false,
      marketingConsentRequested: true,
      customerId: BigInt(CUSTOMER_ID),
    });

    const mail = await waitFor(
      async () => fx.smtp.messages.find((m) => m.to.includes("jane.doe@example.com")) ?? null,
    );
    expect(messageText(mail.raw)).toContain(`/subscriptions/confirm/${sub.confirmToken}`);
    expect(mail.headers).not.toMatch(/^List-Unsubscribe:/m); // not a marketing email

    const confirmUrl = `${fx.app.url}/subscriptions/confirm/${sub.confirmToken}`;
    const confirm = await fetch(confirmUrl, { method: "POST" });
    expect(confirm.status).toBe(200);
    expect(await db().subscription.findUniqueOrThrow({ where: { id: sub.id } })).toMatchObject({
      status: "ACTIVE",
      marketingConsent: true,
    });
    expect((await fetch(confirmUrl, { method: "POST" })).status).toBe(200);
    expect((await fetch(`${fx.app.url}/subscriptions/confirm/${"x".repeat(32)}`)).status).toBe(404);
  });

  it("answers a repeated signup the same way and creates or sends nothing new", async () => {
    const before = { subs: await db().subscription.count(), mails: await db().notification.count() };
    const res = await signup({ email: "JANE.DOE@example.com", variant_id: String(variant.variantId) });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ subscribed: true });
    await new Promise((r) => setTimeout(r, 300));
    expect(await db().subscription.count()).toBe(before.subs);
    expect(await db().notification.count()).toBe(before.mails);
  });

  it.each([
    ["an invalid email", { email: "nope", variant_id: "1" }, "email"],
    ["an unknown variant", { email: "a@example.com", variant_id: "123456789" }, "variant_id"],
  ])("answers 422 for %s", async (_name, body, field) => {
    const res = await signup(body);
    expect(res.status).toBe(422);
    const answer = (await res.json()) as { details: { fieldErrors: Record<string, string[]> } };
    expect(Object.keys(answer.details.fieldErrors)).toContain(field);
  });

  it("answers 400 for a missing variant (malformed, docs/api-errors.md)", async () => {
    const res = await signup({ email: "a@example.com" });
    expect(res.status).toBe(400);
    const answer = (await res.json()) as { details: { fieldErrors: Record<string, string[]> } };
    expect(Object.keys(answer.details.fieldErrors)).toContain("variant_id");
  });

  it("drops a filled honeypot quietly", async () => {
    const res = await signup({
      email: "bot@example.com",
      variant_id: String(variant.variantId),
      website: "http://spam.example",
    });
    expect(res.status).toBe(201);
    expect(await db().subscription.count({ where: { email: "bot@example.com" } })).toBe(0);
  });

  it("rate limits per IP, per email and per shop with 429 and Retry-After", async () => {
    await earlyInRateWindow(SIGNUP_LIMITS.ip.windowSeconds);
    const ip = "198.51.100.7";
    const statuses: number[] = [];
    for (let i = 0; i < SIGNUP_LIMITS.ip.limit + 1; i++) {
      statuses.push(
        (await signup({ email: `ip-${i}@example.com`, variant_id: String(variant.variantId) }, { ip }))
          .status,
      );
    }
    expect(statuses.slice(0, SIGNUP_LIMITS.ip.limit).every((s) => s === 201)).toBe(true);
    const limited = await signup(
      { email: "ip-x@example.com", variant_id: String(variant.variantId) },
      { ip },
    );
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);

    const emailStatuses: number[] = [];
    for (let i = 0; i < SIGNUP_LIMITS.email.limit + 1; i++) {
      emailStatuses.push(
        (await signup({ email: "flood@example.com", variant_id: String(variant.variantId) })).status,
      );
    }
    expect(emailStatuses.at(-1)).toBe(429);
    expect(emailStatuses.slice(0, -1).every((s) => s !== 429)).toBe(true);

    // The shop's budget for this minute already spent (as by a distributed flood).
    const [clock] = await db().$queryRaw<
      { now: number }[]
    >`select extract(epoch from clock_timestamp())::float8 as now`;
    const window = BigInt(Math.floor(clock!.now / 60) * 60);
    const key = signupCounterKey("shop", shop.id, "all");
    await db().rateCounter.upsert({
      where: { key },
      create: { key, windowStart: window, count: SIGNUP_LIMITS.shop.limit },
      update: { windowStart: window, count: SIGNUP_LIMITS.shop.limit },
    });
    const shopLimited = await signup({
      email: "someone-new@example.com",
      variant_id: String(variant.variantId),
    });
    expect(shopLimited.status).toBe(429);
    expect(await db().subscription.count({ where: { email: "someone-new@example.com" } })).toBe(0);
    await db().rateCounter.delete({ where: { key } });
  });

  it("one-click unsubscribe suppresses the address: the next restock skips it, a new signup needs a new opt-in", async () => {
    const other = await shop.addVariant({ title: "Down Vest", stock: 0 });
    const [leaver, stayer] = await addSubscribers(fx.app, shop.id, other.variantId, 2, "unsub");
    const sub = await db().subscription.findFirstOrThrow({ where: { email: leaver } });
    const page = await fetch(`${fx.app.url}/unsubscribe/${sub.unsubscribeToken}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(`action="/unsubscribe/${sub.unsubscribeToken}"`);
    expect((await db().subscription.findUniqueOrThrow({ where: { id: sub.id } })).status).toBe("ACTIVE"); // GET changes nothing

    const oneClick = () =>
      fetch(`${fx.app.url}/unsubscribe/${sub.unsubscribeToken}`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: "List-Unsubscribe=One-Click",
      });
    expect((await oneClick()).status).toBe(200);
    expect((await oneClick()).status).toBe(200);
    expect((await fetch(`${fx.app.url}/unsubscribe/${"y".repeat(32)}`, { method: "POST" })).status).toBe(404);
    expect(
      await db().suppression.findUnique({ where: { shopId_email: { shopId: shop.id, email: leaver! } } }),
    ).toMatchObject({ reason: "unsubscribed" });

    fx.sim.setInventory(shop.domain, other.inventoryItemId, shop.locationId, 5);
    await fx.app.deps.queues.enqueue(variantStockChangedJob, {
      shopId: shop.id,
      variantId: String(other.variantId),
    });
    await waitFor(async () => (fx.smtp.countTo(stayer!) === 1 ? true : null));
    await new Promise((r) => setTimeout(r, 500));
    expect(fx.smtp.countTo(leaver!)).toBe(0);

    // Double opt-in off, but this address unsubscribed: signing up again needs a confirmation.
    await db().shopSettings.update({ where: { shopId: shop.id }, data: { doubleOptIn: false } });
    expect((await signup({ email: leaver, variant_id: String(other.variantId) })).status).toBe(201);
    const again = await db().subscription.findFirstOrThrow({
      where: { email: leaver, status: { not: "UNSUBSCRIBED" } },
    });
    expect(again.status).toBe("PENDING");
    await waitFor(async () => (fx.smtp.countTo(leaver!) === 1 ? true : null)); // the confirmation, not an alert
    expect(fx.smtp.messages.find((m) => m.to.includes(leaver!))!.raw).toContain("/subscriptions/confirm/");
    // A fresh address with double opt-in off is active at once.
    expect((await signup({ email: "fresh@example.com", variant_id: String(other.variantId) })).status).toBe(
      201,
    );
    expect((await db().subscription.findFirstOrThrow({ where: { email: "fresh@example.com" } })).status).toBe(
      "ACTIVE",
    );
  });
});

// The double opt-in link as the shopper (and a link scanner) meets it: following it changes nothing;
// the page names the product and the shop, and only its button (a POST) confirms. The confirm, renew
// and unsubscribe pages speak the alert's language; a link that names no alert, the browser's.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseMime } from "../../web/dev/mail-catcher/parse-mime.ts";
import { launchChromium } from "../helpers/launch-chromium.ts";
import { waitFor } from "../helpers/wait-for.ts";
import { signRenewToken } from "../../web/server/subscriptions/subscription-tokens.ts";
import {
  addAlert,
  proxySignup,
  startAlertsFixture,
  type AlertsFixture,
  type TestShop,
} from "./alerts-fixture.ts";

describe("email link pages: double opt-in, renew, unsubscribe", () => {
  let fx: AlertsFixture;
  let shop: TestShop;
  let variantId: bigint;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    fx = await startAlertsFixture();
    shop = await fx.addShop("Harbour Outfitters");
    variantId = (await shop.addVariant({ title: "Storm Shell Jacket", stock: 0 })).variantId;
    await fx.app.startWorker({ concurrency: 2 });
    browser = await launchChromium();
    page = await (await browser.newContext({ locale: "en-US" })).newPage();
    // Links in emails name the app's public URL; here the app listens on a random port.
    const publicUrl = fx.app.config.appUrl;
    await page.route(`${publicUrl}/**`, (route) =>
      route.continue({ url: route.request().url().replace(publicUrl, fx.app.url) }),
    );
  });
  afterAll(async () => {
    await browser?.close();
    await fx?.close();
  });

  const db = () => fx.app.deps.db;
  const subscriptionOf = (email: string) =>
    db().subscription.findFirstOrThrow({ where: { shopId: shop.id, email } });

  it("GET and HEAD leave it pending; the page's button confirms, once", async () => {
    // Anyone can type someone else's address, consent box ticked.
    const email = "someone.else@example.com";
    const signup = await proxySignup(
      fx.app,
      shop.domain,
      { email, variant_id: String(variantId), marketing_consent: true },
      { ip: "203.0.113.50" },
    );
    expect(signup.status).toBe(201);
    const caught = await waitFor(async () => fx.smtp.messages.find((m) => m.to.includes(email)) ?? null);
    const mail = parseMime(caught.raw);
    await page.setContent(mail.html!);
    const link = page.getByRole("link", { name: "Yes, notify me" });
    const href = (await link.getAttribute("href"))!;
    expect(href).toMatch(/\/subscriptions\/confirm\//);
    const appHref = href.replace(fx.app.config.appUrl, fx.app.url);

    // A link scanner: HEAD, then GET.
    expect((await fetch(appHref, { method: "HEAD" })).status).toBe(200);
    expect((await fetch(appHref)).status).toBe(200);
    expect(await subscriptionOf(email)).toMatchObject({
      status: "PENDING",
      confirmedAt: null,
      marketingConsent: false,
    });

    // The shopper clicks the link in the email and reads the page.
    await Promise.all([page.waitForURL(href), link.click()]);
    const body = await page.locator("body").innerText();
    expect(body).toContain("Storm Shell Jacket");
    expect(body).toContain("Harbour Outfitters");
    expect(await subscriptionOf(email)).toMatchObject({ status: "PENDING", marketingConsent: false });

    await Promise.all([
      page.waitForLoadState("load"),
      page.getByRole("button", { name: "Yes, notify me" }).click(),
    ]);
    await page.getByRole("heading", { name: "You're subscribed" }).waitFor();
    expect(await page.locator("body").innerText()).toContain("Harbour Outfitters");
    const confirmed = await subscriptionOf(email);
    expect(confirmed).toMatchObject({ status: "ACTIVE", marketingConsent: true });
    expect(confirmed.confirmedAt).not.toBeNull();

    // A second POST (reload, double click) changes nothing and says so.
    const again = await fetch(appHref, { method: "POST" });
    expect(again.status).toBe(200);
    expect(await again.text()).toContain("already confirmed");
    expect((await subscriptionOf(email)).confirmedAt).toEqual(confirmed.confirmedAt);
  });

  it("answers an unknown or expired link with a page that says so", async () => {
    await page.goto(`${fx.app.url}/subscriptions/confirm/${"x".repeat(32)}`);
    expect(await page.locator("h1").innerText()).toBe("Link not found");
    const post = await fetch(`${fx.app.url}/subscriptions/confirm/not-a-token`, { method: "POST" });
    expect(post.status).toBe(404);

    const email = "late@example.com";
    expect(
      (
        await proxySignup(
          fx.app,
          shop.domain,
          { email, variant_id: String(variantId) },
          { ip: "203.0.113.51" },
        )
      ).status,
    ).toBe(201);
    const sub = await subscriptionOf(email);
    await db().subscription.update({
      where: { id: sub.id },
      data: { createdAt: new Date(Date.now() - 8 * 24 * 3600 * 1000) },
    });
    const url = `${fx.app.url}/subscriptions/confirm/${sub.confirmToken}`;
    const answer = await page.goto(url);
    expect(answer!.status()).toBe(410);
    expect(await page.locator("h1").innerText()).toBe("This link has expired");
    expect(await page.locator("button").count()).toBe(0);
    const posted = await fetch(url, { method: "POST" });
    expect(posted.status).toBe(410);
    expect((await subscriptionOf(email)).status).toBe("EXPIRED");
  });

  // The alert's own language wins over the browser's (this page's browser asks for English).
  const pageText = () => page.locator("body").innerText();
  const lang = () => page.locator("html").getAttribute("lang");

  it("confirms a German signup on a German page, and unsubscribes it on one", async () => {
    const email = "lena@example.com";
    const signup = await proxySignup(
      fx.app,
      shop.domain,
      { email, variant_id: String(variantId), locale: "de-DE" },
      { ip: "203.0.113.60" },
    );
    expect(signup.status).toBe(201);
    const sub = await subscriptionOf(email);

    const confirmUrl = `${fx.app.url}/subscriptions/confirm/${sub.confirmToken}`;
    expect((await page.goto(confirmUrl))!.status()).toBe(200);
    expect(await lang()).toBe("de");
    expect(await page.locator("h1").innerText()).toBe("Bestätigen Sie Ihre Benachrichtigung");
    expect(await pageText()).toContain(
      "Einmal per E-Mail benachrichtigen, sobald Storm Shell Jacket (Forest / M) bei Harbour Outfitters wieder auf Lager ist?",
    );
    await Promise.all([
      page.waitForLoadState("load"),
      page.getByRole("button", { name: "Ja, benachrichtigen" }).click(),
    ]);
    await page.getByRole("heading", { name: "Sie sind angemeldet" }).waitFor();
    expect(await lang()).toBe("de");
    expect((await subscriptionOf(email)).status).toBe("ACTIVE");

    const unsubscribeUrl = `${fx.app.url}/unsubscribe/${sub.unsubscribeToken}`;
    await page.goto(unsubscribeUrl);
    expect(await page.locator("h1").innerText()).toBe("Abmelden");
    expect(await pageText()).toContain(
      "Keine Benachrichtigungen zur Wiederverfügbarkeit von Harbour Outfitters mehr erhalten?",
    );
    await Promise.all([
      page.waitForLoadState("load"),
      page.getByRole("button", { name: "Abmelden" }).click(),
    ]);
    await page.getByRole("heading", { name: "Sie sind abgemeldet" }).waitFor();
    expect(await pageText()).toContain("Sie erhalten keine Benachrichtigungen von Harbour Outfitters mehr.");
    expect((await subscriptionOf(email)).status).toBe("UNSUBSCRIBED");

    // The confirm link again, after the unsubscribe: still German.
    await page.goto(confirmUrl);
    expect(await page.locator("h1").innerText()).toBe("Sie sind abgemeldet");
    expect(await page.getByRole("button").count()).toBe(0);
  });

  it("renews a French alert on a French page", async () => {
    const email = "camille@example.com";
    const id = await addAlert(fx.app, { shopId: shop.id, variantId, email, status: "ACTIVE", locale: "fr" });
    const url = `${fx.app.url}/subscriptions/renew/${signRenewToken(fx.app.config.apiSecrets[0]!, id)}`;
    expect((await page.goto(url))!.status()).toBe(200);
    expect(await lang()).toBe("fr");
    expect(await page.locator("h1").innerText()).toBe("Conservez votre alerte de retour en stock");
    expect(await pageText()).toContain(
      "Garder mon alerte pour le retour en stock de Storm Shell Jacket (Forest / M) chez Harbour Outfitters\u00a0?",
    );
    await Promise.all([
      page.waitForLoadState("load"),
      page.getByRole("button", { name: "Oui, garder mon alerte" }).click(),
    ]);
    await page.getByRole("heading", { name: "Votre alerte est renouvelée" }).waitFor();
    expect((await db().subscription.findUniqueOrThrow({ where: { id } })).renewedAt).not.toBeNull();
  });

  it("answers a link that names no alert in the browser's language, else English", async () => {
    const unknown = `${fx.app.url}/subscriptions/confirm/${"x".repeat(32)}`;
    const spanish = await browser.newContext({ locale: "es-ES" });
    const inSpanish = await spanish.newPage();
    expect((await inSpanish.goto(unknown))!.status()).toBe(404);
    expect(await inSpanish.locator("html").getAttribute("lang")).toBe("es");
    expect(await inSpanish.locator("h1").innerText()).toBe("Enlace no encontrado");
    await spanish.close();

    const portuguese = await fetch(unknown, { headers: { "Accept-Language": "pt-BR, pt;q=0.9" } });
    const html = await portuguese.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain("Link not found");
  });
});

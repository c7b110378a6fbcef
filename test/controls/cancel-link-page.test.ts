import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notifyEtaChangedForVariants } from "../../web/server/backorders/notify-eta-changed.ts";
import { parseMime } from "../../web/dev/mail-catcher/parse-mime.ts";
import {
  startBackorderFixture,
  type BackorderFixture,
  type BackorderShop,
} from "../backorders/backorder-fixture.ts";
import { launchChromium } from "../helpers/launch-chromium.ts";
import { futureDate } from "../helpers/future-date.ts";

const CUSTOMER = "wait-or-not@example.com";

let f: BackorderFixture;
let shop: BackorderShop;
let coat: { variantId: bigint; inventoryItemId: bigint };
let orderId: bigint;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  f = await startBackorderFixture();
  shop = await f.addShop({ cancelLinkEnabled: true });
  coat = await f.addVariant(shop, "Loden Coat", 4, futureDate(9).iso);
  await f.sync(shop);
  // 6 ordered, 4 in stock: 2 backordered.
  orderId = f.sim.placeOrder(shop.domain, {
    email: CUSTOMER,
    lines: [{ variantId: coat.variantId, quantity: 6 }],
  }).id;
  await f.settle();
  browser = await launchChromium();
  page = await browser.newPage();
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await f?.close();
});

/** Moves the ETA and returns the cancel link of the "ETA changed" email the customer gets. */
async function etaChangedLink(
  eta: string,
  of: { shop: BackorderShop; variantId: bigint; customer: string } = {
    shop,
    variantId: coat.variantId,
    customer: CUSTOMER,
  },
): Promise<string> {
  const before = f.smtp.countTo(of.customer);
  await f.app.deps.db.variantEta.updateMany({
    where: { shopId: of.shop.id, variantId: of.variantId },
    data: { etaDate: new Date(`${eta}T00:00:00Z`) },
  });
  await notifyEtaChangedForVariants(f.app.workerDeps, of.shop.id, [of.variantId]);
  await f.settle();
  const mails = f.smtp.messages.filter((m) => m.to.includes(of.customer));
  expect(mails).toHaveLength(before + 1);
  const text = parseMime(mails.at(-1)!.raw).text ?? "";
  const link = /https?:\/\/\S+\/backorders\/cancel\/\S+/.exec(text)?.[0];
  expect(link).toBeDefined();
  // The test app's configured URL is not where it listens: same path, its real origin.
  const url = new URL(link!);
  return `${f.app.url}${url.pathname}`;
}

/** A hand-made POST of the cancel form: refused (422) with `message` above the form. */
async function expectRefused(link: string, form: string, message: string): Promise<void> {
  const refused = await fetch(link, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: form,
  });
  expect(refused.status).toBe(422);
  expect(await refused.text()).toContain(message);
}

describe("the cancel link of an ETA-changed email", () => {
  it("offers only the units still backordered, and the POST refuses more", async () => {
    const link = await etaChangedLink(futureDate(35).iso);
    const response = await page.goto(link);
    expect(response?.status()).toBe(200);
    const body = await page.locator("body").innerText();
    expect(body).toContain("Loden Coat");
    expect(body).toContain("of 2 still backordered");
    expect(body).not.toMatch(/\b6\b/);
    const field = page.getByLabel("Loden Coat");
    expect(await field.inputValue()).toBe("2");
    expect(await field.getAttribute("max")).toBe("2");

    // A hand-made POST for the whole line (6) is refused, and nothing is recorded.
    const [line] = await f.app.deps.db.backorderLine.findMany({ where: { shopId: shop.id, orderId } });
    await expectRefused(
      link,
      `qty_${line!.lineItemId}=6`,
      "You asked to cancel 6 of Loden Coat, but only 2 are still backordered.",
    );
    expect(await f.app.deps.db.cancelRequest.count({ where: { shopId: shop.id } })).toBe(0);

    // The customer asks to cancel one of the two.
    await field.fill("1");
    await page.getByRole("button", { name: "Ask to cancel" }).click();
    await page.getByRole("heading", { name: "Request sent" }).waitFor();
    expect(await page.locator("body").innerText()).toContain("cancel 1 backordered item of");
    const requests = await f.app.deps.db.cancelRequest.findMany({ where: { shopId: shop.id } });
    expect(requests.map((r) => [r.lineItemIds, r.quantities])).toEqual([[[line!.lineItemId], [1]]]);
  }, 60_000);

  it("says plainly that nothing is left to cancel once the line is ready", async () => {
    const link = await etaChangedLink(futureDate(66).iso);
    f.sim.adjustInventory(shop.domain, coat.inventoryItemId, shop.locationId, 2);
    await f.settle();
    const [line] = await f.app.deps.db.backorderLine.findMany({ where: { shopId: shop.id, orderId } });
    expect(line).toMatchObject({ status: "READY", backorderedQuantity: 0 });

    const response = await page.goto(link);
    expect(response?.status()).toBe(409);
    await page.getByRole("heading", { name: "Nothing left to cancel" }).waitFor();
    const body = await page.locator("body").innerText();
    expect(body).toContain("There is nothing left to cancel here.");
    expect(await page.getByRole("button").count()).toBe(0);
    expect((await fetch(link, { method: "POST" })).status).toBe(409);
    expect(await f.app.deps.db.cancelRequest.count({ where: { shopId: shop.id } })).toBe(1);
  }, 60_000);
});

describe("the cancel link of a German order email", () => {
  it("asks, confirms and refuses a second request in German, whatever the browser asks for", async () => {
    const customer = "jonas@example.com";
    const german = await f.addShop({ cancelLinkEnabled: true });
    const mantel = await f.addVariant(german, "Lodenmantel", 1, futureDate(9).iso);
    await f.sync(german);
    // 3 ordered, 1 in stock: 2 backordered.
    const order = f.sim.placeOrder(german.domain, {
      email: customer,
      locale: "de",
      lines: [{ variantId: mantel.variantId, quantity: 3 }],
    });
    await f.settle();
    const link = await etaChangedLink(futureDate(35).iso, {
      shop: german,
      variantId: mantel.variantId,
      customer,
    });
    const sent = await f.app.deps.db.notification.findFirstOrThrow({
      where: { shopId: german.id, kind: "eta_changed" },
    });
    expect(sent.locale).toBe("de");
    const stored = await f.app.deps.db.order.findFirstOrThrow({
      where: { shopId: german.id, orderId: order.id },
    });
    const orderName = stored.name ?? `#${order.id}`;

    const english = await browser.newContext({ locale: "en-US" });
    const tab = await english.newPage();
    expect((await tab.goto(link))!.status()).toBe(200);
    expect(await tab.locator("html").getAttribute("lang")).toBe("de");
    expect(await tab.locator("h1").innerText()).toBe(`Nachbestellte Artikel von ${orderName} stornieren?`);
    const body = await tab.locator("body").innerText();
    expect(body).toContain("Bitten Sie ");
    expect(body).toContain("von 2 noch nachbestellt");
    expect(await tab.getByLabel("Lodenmantel").inputValue()).toBe("2");

    // A hand-made POST for more than is backordered: refused, in German.
    const [line] = await f.app.deps.db.backorderLine.findMany({
      where: { shopId: german.id, orderId: order.id },
    });
    await expectRefused(
      link,
      `qty_${line!.lineItemId}=3`,
      "Sie möchten 3 × Lodenmantel stornieren, aber nur 2 sind noch nachbestellt.",
    );

    await tab.getByLabel("Lodenmantel").fill("1");
    await Promise.all([
      tab.waitForLoadState("load"),
      tab.getByRole("button", { name: "Stornierung anfragen" }).click(),
    ]);
    await tab.getByRole("heading", { name: "Anfrage gesendet" }).waitFor();
    expect(await tab.locator("body").innerText()).toContain(
      `1 nachbestellten Artikel von ${orderName} zu stornieren`,
    );
    expect(await f.app.deps.db.cancelRequest.count({ where: { shopId: german.id } })).toBe(1);

    // The same link again: already used, still German.
    expect((await tab.goto(link))!.status()).toBe(409);
    expect(await tab.locator("h1").innerText()).toBe("Anfrage bereits erhalten");
    await english.close();
  }, 60_000);

  it("answers a tampered link in the browser's language", async () => {
    const french = await fetch(`${f.app.url}/backorders/cancel/not-a-token`, {
      headers: { "Accept-Language": "fr-CH, fr;q=0.9, en;q=0.5" },
    });
    expect(french.status).toBe(400);
    const html = await french.text();
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain("Lien non valide");
  });
});

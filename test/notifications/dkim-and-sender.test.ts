import { dkimVerify } from "mailauth/lib/dkim/verify.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseMime } from "../../web/dev/mail-catcher/parse-mime.ts";
import { startBackorderFixture, type BackorderFixture } from "../backorders/backorder-fixture.ts";
import { createDkimMailer, createDkimTestKeys } from "../helpers/dkim-test-keys.ts";
import { waitFor } from "../helpers/wait-for.ts";
import { futureDate } from "../helpers/future-date.ts";

const SELECTOR = "bh2026";
const APP_DOMAIN = "mail.backorder-hub.test";
const MERCHANT_DOMAIN = "loden-shop.test";

let f: BackorderFixture;
// The public key as published in DNS: the operator's TXT record, and the merchant's CNAME to it.
const { privateKey, resolver } = createDkimTestKeys(SELECTOR, [APP_DOMAIN, MERCHANT_DOMAIN]);

beforeAll(async () => {
  f = await startBackorderFixture();
  f.app.workerDeps.mailer = createDkimMailer(f.smtp.url, {
    domain: APP_DOMAIN,
    selector: SELECTOR,
    privateKey,
  });
}, 60_000);
afterAll(async () => {
  f?.app.workerDeps.mailer?.close();
  await f?.close();
});

async function backorderEmailTo(email: string, settings: Parameters<BackorderFixture["addShop"]>[0] = {}) {
  const shop = await f.addShop(settings);
  const coat = await f.addVariant(shop, "Loden Coat", 0, futureDate(9).iso);
  await f.sync(shop);
  f.sim.placeOrder(shop.domain, { email, lines: [{ variantId: coat.variantId, quantity: 1 }] });
  await f.settle();
  const message = await waitFor(async () => f.smtp.messages.find((m) => m.to.includes(email)));
  const name = (await f.app.deps.db.shop.findUniqueOrThrow({ where: { id: shop.id } })).name!;
  return { raw: message.raw, mail: parseMime(message.raw), shopName: name };
}

describe("who a customer email comes from, and its DKIM signature", () => {
  it("comes from the shop's name by default, signed for the app's domain", async () => {
    const { raw, mail, shopName } = await backorderEmailTo("first@example.com");
    expect(mail.from.replaceAll('"', "")).toBe(`${shopName} <no-reply@localhost>`);
    expect(raw).toMatch(/^DKIM-Signature: /m);
    const verified = await dkimVerify(raw, { resolver });
    const byDomain = Object.fromEntries(verified.results.map((r) => [r.signingDomain, r.status?.result]));
    expect(byDomain[APP_DOMAIN]).toBe("pass");
  }, 60_000);

  it("comes from the merchant's address, with a signature that verifies for their domain too", async () => {
    const { raw, mail } = await backorderEmailTo("second@example.com", {
      senderName: "Loden & Co",
      senderEmail: `orders@${MERCHANT_DOMAIN}`,
      replyTo: `help@${MERCHANT_DOMAIN}`,
    });
    expect(mail.from.replaceAll('"', "")).toBe(`Loden & Co <orders@${MERCHANT_DOMAIN}>`);
    expect(mail.headers.find(([name]) => name.toLowerCase() === "reply-to")?.[1]).toBe(
      `help@${MERCHANT_DOMAIN}`,
    );
    const verified = await dkimVerify(raw, { resolver });
    expect(verified.results.map((r) => [r.signingDomain, r.status?.result]).sort()).toEqual([
      [MERCHANT_DOMAIN, "pass"],
      [APP_DOMAIN, "pass"],
    ]);
    // A changed body no longer verifies: the signature covers what the customer reads.
    const tampered = raw.replace("Loden Coat", "Loden Cape");
    const again = await dkimVerify(tampered, { resolver });
    expect(again.results).toHaveLength(2);
    for (const result of again.results) expect(result.status?.result).not.toBe("pass");
  }, 60_000);
});

import crypto from "node:crypto";
import { dkimVerify } from "mailauth/lib/dkim/verify.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseMime } from "../../web/dev/mail-catcher/parse-mime.ts";
import { createMailer } from "../../web/server/notifications/create-mailer.ts";
import { startBackorderFixture, type BackorderFixture } from "../backorders/backorder-fixture.ts";
import { waitFor } from "../helpers/wait-for.ts";
import { futureDate } from "../helpers/future-date.ts";

const SELECTOR = "bh2026";
const APP_DOMAIN = "mail.backorder-hub.test";
const MERCHANT_DOMAIN = "loden-shop.test";

let f: BackorderFixture;
const { privateKey, publicKey } = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
// The public key as published in DNS: the operator's TXT record, and the merchant's CNAME to it.
const published = `v=DKIM1; k=rsa; p=${publicKey.export({ type: "spki", format: "der" }).toString("base64")}`;
const dns = new Map([
  [`${SELECTOR}._domainkey.${APP_DOMAIN}`, published],
  [`${SELECTOR}._domainkey.${MERCHANT_DOMAIN}`, published],
]);
const resolver = async (name: string, type: string) => {
  const record = type === "TXT" ? dns.get(name.toLowerCase()) : undefined;
  if (!record) throw Object.assign(new Error(`no ${type} for ${name}`), { code: "ENOTFOUND" });
  return [[record]];
};

beforeAll(async () => {
  f = await startBackorderFixture();
  // The worker's mailer as main-worker builds it from DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY.
  f.app.workerDeps.mailer = createMailer(
    {
      smtpUrl: f.smtp.url,
      dkim: {
        domain: APP_DOMAIN,
        selector: SELECTOR,
        privateKey: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
      },
    },
    { socketTimeoutMs: 2_000 },
  );
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

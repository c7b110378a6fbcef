import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseMime } from "../../web/dev/mail-catcher/parse-mime.ts";
import {
  startBackorderFixture,
  type BackorderFixture,
  type BackorderShop,
} from "../backorders/backorder-fixture.ts";
import { waitFor } from "../helpers/wait-for.ts";
import { futureDate } from "../helpers/future-date.ts";

let f: BackorderFixture;
let shop: BackorderShop;
let variantId: bigint;

beforeAll(async () => {
  f = await startBackorderFixture();
  shop = await f.addShop();
  ({ variantId } = await f.addVariant(shop, "Loden Coat", 0, futureDate(9).iso));
  await f.sync(shop);
}, 60_000);
afterAll(async () => {
  await f?.close();
});

/** The one email a recipient got, parsed as a mail client would. */
async function mailTo(address: string) {
  const message = await waitFor(async () => f.smtp.messages.find((m) => m.to.includes(address)));
  return parseMime(message.raw);
}

async function order(email: string, locale: string, firstName?: string) {
  const placed = f.sim.placeOrder(shop.domain, {
    email,
    locale,
    ...(firstName ? { firstName } : {}),
    lines: [{ variantId, quantity: 1 }],
  });
  await f.settle();
  return placed;
}

describe("the greeting of a customer email", () => {
  it.each([
    ["en", "Hi Ada,"],
    ["fr", "Bonjour Ada,"],
    ["de", "Hallo Ada,"],
    ["es", "¡Hola, Ada!"],
  ])(
    "names the customer in %s: %s",
    async (locale, greeting) => {
      const address = `ada-${locale}@example.com`;
      await order(address, locale, "Ada");
      const mail = await mailTo(address);
      expect(mail.text?.split("\n")[0]).toBe(greeting);
      expect(mail.html).toContain(`>${greeting}</p>`);
    },
    30_000,
  );

  it("keeps the plain greeting when the order has no name", async () => {
    await order("nameless@example.com", "de");
    const mail = await mailTo("nameless@example.com");
    expect(mail.text?.split("\n")[0]).toBe("Guten Tag,");
  }, 30_000);

  it("customers/redact removes the stored first name, its emails' contexts and the order webhooks", async () => {
    const placed = await order("grete@example.com", "de", "Grete");
    const db = f.app.deps.db;
    const stored = await db.order.findUniqueOrThrow({
      where: { shopId_orderId: { shopId: shop.id, orderId: placed.id } },
    });
    expect(stored.customerFirstName).toBe("Grete");
    // Shopify names the orders to redact; the customer may have ordered under another address.
    f.sim.sendComplianceWebhook("customers/redact", shop.domain, {
      customer: { id: placed.customerId, email: "other@example.com", phone: null },
      orders_to_redact: [placed.id],
    });
    await f.settle();
    const [left] = await db.$queryRaw<{ orders: bigint; emails: bigint; webhooks: bigint }[]>`
      select (select count(*) from "Order" where "customerFirstName" = 'Grete') as orders,
             (select count(*) from "Notification" where context::text like '%Grete%') as emails,
             (select count(*) from "WebhookEvent" where body like '%Grete%') as webhooks`;
    expect(left).toEqual({ orders: 0n, emails: 0n, webhooks: 0n });
  }, 30_000);

  it("shop/redact leaves no first name of the shop behind", async () => {
    await order("hedwig@example.com", "de", "Hedwig");
    f.sim.sendComplianceWebhook("shop/redact", shop.domain);
    await f.settle();
    const [left] = await f.app.deps.db.$queryRaw<{ n: bigint }[]>`
      select (select count(*) from "Order" where "customerFirstName" = 'Hedwig')
           + (select count(*) from "Notification" where context::text like '%Hedwig%')
           + (select count(*) from "WebhookEvent" where body like '%Hedwig%' and topic <> 'shop/redact') as n`;
    expect(left!.n).toBe(0n);
  }, 30_000);
});

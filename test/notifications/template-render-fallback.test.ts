import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseMime } from "../../web/dev/mail-catcher/parse-mime.ts";
import { loadDefaultTemplate } from "../../web/server/emails/render/load-default-template.ts";
import { startBackorderFixture, type BackorderFixture } from "../backorders/backorder-fixture.ts";
import { waitFor } from "../helpers/wait-for.ts";
import { futureDate } from "../helpers/future-date.ts";

let f: BackorderFixture;

beforeAll(async () => {
  f = await startBackorderFixture();
}, 60_000);
afterAll(async () => {
  await f?.close();
});

describe("a merchant template that fails when the email is sent", () => {
  it("sends the built-in email of that locale instead, once", async () => {
    const shop = await f.addShop();
    const coat = await f.addVariant(shop, "Loden Coat", 0, futureDate(9).iso);
    await f.sync(shop);
    // Parses, but blows the render's memory limit: on real data only (the editor's check renders the
    // sample), or saved before the limit existed. Written directly, as such a row would be.
    const builtIn = await loadDefaultTemplate("backorder_confirmation", "de");
    await f.app.deps.db.emailTemplate.create({
      data: {
        shopId: shop.id,
        kind: "backorder_confirmation",
        locale: "de",
        subject: "Ihre Bestellung {{ order.name }}",
        html: "{% for i in (1..100000000) %}{{ i }}{% endfor %}",
        text: builtIn.text,
      },
    });
    const order = f.sim.placeOrder(shop.domain, {
      email: "grete@example.com",
      locale: "de",
      lines: [{ variantId: coat.variantId, quantity: 1 }],
    });
    await f.settle();
    const row = await waitFor(() =>
      f.app.deps.db.notification.findFirst({
        where: { shopId: shop.id, orderId: order.id, kind: "backorder_confirmation", status: "SENT" },
      }),
    );
    expect(row.attempts).toBe(1);
    // Nothing is retried later: the one email is the built-in German one.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await f.settle();
    const mails = f.smtp.messages.filter((m) => m.to.includes("grete@example.com"));
    expect(mails).toHaveLength(1);
    const mail = parseMime(mails[0]!.raw);
    expect(mail.subject).toBe(`Ihre Bestellung ${order.name}: Einige Artikel werden nachgeliefert`);
    expect(mail.html).toContain("Loden Coat");
    expect(mail.text).toContain("Loden Coat");
  }, 60_000);
});

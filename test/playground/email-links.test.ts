import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reconcileShopJob } from "../../web/server/queues/definitions/reconcile-backorders.ts";
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

beforeAll(async () => {
  // As in the playground: the simulator serves the shops' storefronts at its own origin.
  f = await startBackorderFixture({ storefront: true });
  shop = await f.addShop();
}, 60_000);
afterAll(async () => {
  await f?.close();
});

async function mailTo(address: string) {
  const message = await waitFor(async () => f.smtp.messages.find((m) => m.to.includes(address)), 30_000);
  return parseMime(message.raw);
}

/** Every link of the HTML part, as a mail client would follow it. */
function links(html: string): string[] {
  return [...html.matchAll(/href="([^"]+)"/g)]
    .map((m) => m[1]!.replaceAll("&amp;", "&"))
    .filter((h) => h.startsWith("http"));
}

async function expectAllOpen(urls: string[]) {
  for (const url of urls) {
    const response = await fetch(url, { redirect: "manual" });
    expect([url, response.status]).toEqual([url, 200]);
  }
}

describe("links in emails, in the playground", () => {
  it("the store URL of a shop installed before it was kept is read on the next reconciliation", async () => {
    const other = await f.addShop();
    await f.sync(other);
    const row = () => f.app.deps.db.shop.findUniqueOrThrow({ where: { id: other.id } });
    expect((await row()).storefrontUrl).toBe(`${f.sim.origin}/?shop=${encodeURIComponent(other.domain)}`);
    await f.app.deps.db.shop.update({ where: { id: other.id }, data: { storefrontUrl: null } });
    await f.app.deps.queues.enqueue(reconcileShopJob, { shopId: other.id }, { jobId: `links-${other.id}` });
    await f.settle();
    expect((await row()).storefrontUrl).toBe(`${f.sim.origin}/?shop=${encodeURIComponent(other.domain)}`);
  }, 60_000);

  it("'View your order' and the shop's link open the simulator's order status page and storefront", async () => {
    const coat = await f.addVariant(shop, "Loden Coat", 0, futureDate(9).iso);
    const hat = await f.addVariant(shop, "Felt Hat", 0);
    await f.sync(shop);
    const order = f.sim.placeOrder(shop.domain, {
      email: "ada@example.com",
      firstName: "Ada",
      lines: [{ variantId: coat.variantId, quantity: 1 }],
    });
    await f.settle();
    const mail = await mailTo("ada@example.com");
    const urls = links(mail.html ?? "");
    const orderLink = urls.find((u) => u.includes("/orders/"));
    expect(orderLink?.startsWith(`${f.sim.origin}/`)).toBe(true);
    expect(urls.filter((u) => u.startsWith(`${f.sim.origin}/?shop=`)).length).toBeGreaterThan(0);
    expect(urls.every((u) => u.startsWith(f.sim.origin))).toBe(true);
    await expectAllOpen(urls);
    const page = await (await fetch(orderLink!)).text();
    expect(page).toContain(`Order ${order.name}`);
    expect(page).toContain("Loden Coat");
    // The status page is the customer's: without the key it is not found.
    expect((await fetch(orderLink!.replace(/key=[^&]+/, "key=0"))).status).toBe(404);

    // "Shop now" in a back-in-stock email opens the product page, with the variant selected.
    await f.app.deps.db.subscription.create({
      data: {
        shopId: shop.id,
        variantId: hat.variantId,
        email: "ben@example.com",
        status: "ACTIVE",
        activeKey: `${hat.variantId}:ben@example.com`,
        confirmToken: "c-ben",
        unsubscribeToken: "u-ben",
        confirmedAt: new Date(),
      },
    });
    f.sim.adjustInventory(shop.domain, hat.inventoryItemId, shop.locationId, 5);
    await f.settle();
    const restock = await mailTo("ben@example.com");
    const storefront = links(restock.html ?? "").filter((u) => u.startsWith(f.sim.origin));
    const product = storefront.find((u) => u.includes("/products/"));
    expect(product).toContain(`variant=${hat.variantId}`);
    await expectAllOpen(storefront);
    expect(await (await fetch(product!)).text()).toContain("Felt Hat");
  }, 90_000);
});

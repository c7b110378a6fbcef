import { messageText } from "../helpers/smtp-catcher.ts";
import { afterAll, describe, expect, it } from "vitest";
import { waitFor } from "../helpers/wait-for.ts";
import { startBackorderFixture } from "../backorders/backorder-fixture.ts";

// Started once for the file, awaited by the test (a throttled bucket is per shop: nothing else here).
const fixture = startBackorderFixture();
afterAll(async () => (await fixture).close());

describe("the order's discount code is its own job, before the email", () => {
  it("a throttled Admin API holds the email back without claiming it: sent once, with the code", async () => {
    const f = await fixture;
    const shop = await f.addShop({ discountEnabled: true, discountValue: 10 });
    const { variantId } = await f.addVariant(shop, "Rain Shell", 0);
    await f.sync(shop);
    // Shopify's bucket empty and not refilling: every Admin call is THROTTLED until it is released.
    f.sim.setBucket(shop.domain, { maximumAvailable: 1000, currentlyAvailable: 0, restoreRate: 0 });
    const order = f.sim.placeOrder(shop.domain, {
      email: "throttled.shopper@example.com",
      lines: [{ variantId, quantity: 1 }],
    });
    const discountCalls = () =>
      f.sim.graphqlLog.filter((e) => e.shop === shop.domain && e.operationName === "OrderDiscountCodeCreate");
    await waitFor(async () => (discountCalls().some((e) => e.throttled) ? true : null), 60_000);
    // Held longer than an email's send window (the fixture's mailer: 2 s of a 4 s claim).
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    const waiting = await f.app.deps.db.notification.findFirstOrThrow({
      where: { shopId: shop.id, orderId: order.id, kind: "backorder_confirmation" },
    });
    // Not claimed while the code is missing: the send never waits on Shopify inside its claim.
    expect(waiting).toMatchObject({ status: "PENDING", attempts: 0 });
    f.sim.setBucket(shop.domain, { maximumAvailable: 1000, currentlyAvailable: 1000, restoreRate: 100 });
    await f.settle(120_000);

    const discount = await f.app.deps.db.orderDiscount.findUniqueOrThrow({
      where: { shopId_orderId: { shopId: shop.id, orderId: order.id } },
    });
    expect(discount.status).toBe("CREATED");
    expect(discountCalls().filter((e) => !e.throttled)).toHaveLength(1);
    const sent = await f.app.deps.db.notification.findUniqueOrThrow({ where: { id: waiting.id } });
    expect(sent.status).toBe("SENT");
    const job = await f.app.deps.queues.get("email").getJob(`mail-${waiting.id}`);
    // One attempt, the one that sent: waiting for the code used up no email retry.
    expect(job?.attemptsMade).toBe(1);
    const mails = f.smtp.messages.filter((m) => m.to.includes("throttled.shopper@example.com"));
    expect(mails).toHaveLength(1);
    expect(messageText(mails[0]!.raw)).toContain(discount.code);
  }, 180_000);
});

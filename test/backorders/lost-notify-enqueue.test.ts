import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notifyOrderJob } from "../../web/server/queues/definitions/notify-order.ts";
import { JOB_HANDLERS } from "../../jobs/job-handlers.ts";
import { reenqueueMarkedOrders } from "../../web/server/backorders/reenqueue-marked-orders.ts";
import { waitFor } from "../helpers/wait-for.ts";
import { startBackorderFixture, type BackorderFixture } from "./backorder-fixture.ts";
import { futureDate } from "../helpers/future-date.ts";

let f: BackorderFixture;
beforeAll(async () => {
  // A worker that loses every notify-order job, as a kill -9 between the transition's commit and
  // the enqueue would: without a handler the queue fails the job for good and nothing is decided.
  f = await startBackorderFixture({ handlers: JOB_HANDLERS.filter((h) => h.definition !== notifyOrderJob) });
}, 60_000);
afterAll(() => f?.close());

describe("a backorder email whose notify-order job was lost", () => {
  it("is decided and sent once by the sweep, from the mark the transition left", async () => {
    const shop = await f.addShop();
    const kettle = await f.addVariant(shop, "Copper Kettle", 0, futureDate(18).iso);
    await f.sync(shop);
    const order = f.sim.placeOrder(shop.domain, {
      email: "kettle@example.com",
      lines: [{ variantId: kettle.variantId, quantity: 1 }],
    });
    await f.settle();
    const db = f.app.deps.db;
    const marked = await db.order.findFirstOrThrow({ where: { shopId: shop.id, orderId: order.id } });
    expect(marked.notifyDirtyAt).not.toBeNull();
    expect(f.smtp.countTo("kettle@example.com")).toBe(0);

    const later = { ...f.app.workerDeps, now: () => new Date(Date.now() + 10 * 60_000) };
    // Not yet: a mark younger than the grace may still have its job (held, settling).
    expect(await reenqueueMarkedOrders(f.app.workerDeps)).toBe(0);
    await f.worker.close();
    const worker = await f.app.startWorker(); // with the app's own handlers
    try {
      expect(await reenqueueMarkedOrders(later)).toBe(1);
      await waitFor(async () => (f.smtp.countTo("kettle@example.com") === 1 ? true : null), 30_000);
      await f.settle();
      const decided = await db.order.findFirstOrThrow({ where: { id: marked.id } });
      expect(decided.notifyDirtyAt).toBeNull();
      expect(await reenqueueMarkedOrders(later)).toBe(0);
    } finally {
      await worker.close();
    }
    expect(f.smtp.countTo("kettle@example.com")).toBe(1);
    const kinds = await db.notification.findMany({ where: { shopId: shop.id, orderId: order.id } });
    expect(kinds.map((n) => [n.kind, n.status])).toEqual([["backorder_confirmation", "SENT"]]);
  }, 90_000);
});

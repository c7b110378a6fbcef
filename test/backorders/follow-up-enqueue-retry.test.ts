import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Queues } from "../../web/server/queues/create-queues.ts";
import { notifyOrderJob } from "../../web/server/queues/definitions/notify-order.ts";
import { waitFor } from "../helpers/wait-for.ts";
import { startBackorderFixture, type BackorderFixture } from "./backorder-fixture.ts";
import { futureDate } from "../helpers/future-date.ts";

let f: BackorderFixture;
beforeAll(async () => {
  f = await startBackorderFixture();
}, 60_000);
afterAll(() => f?.close());

/** The worker's queues, refusing the first `refusals` notify-order enqueues as a Redis being restarted does. */
function refuseNotifyOrder(real: Queues, refusals: number) {
  const state = { refusals, calls: 0 };
  const queues: Queues = {
    ...real,
    enqueue: async (def, payload, opts) => {
      if (def.name === notifyOrderJob.name) {
        state.calls += 1;
        if (state.refusals > 0) {
          state.refusals -= 1;
          throw new Error("Stream isn't writeable and enableOfflineQueue options is false");
        }
      }
      return real.enqueue(def, payload, opts);
    },
  };
  return { queues, state };
}

describe("follow-up enqueues of a committed recompute", () => {
  it("ride out a queue backend away for a moment: the email goes out without waiting for the sweep", async () => {
    const shop = await f.addShop();
    const lamp = await f.addVariant(shop, "Brass Lamp", 0, futureDate(40).iso);
    await f.sync(shop);
    const real = f.app.workerDeps.queues;
    const flaky = refuseNotifyOrder(real, 3);
    f.app.workerDeps.queues = flaky.queues;
    try {
      const order = f.sim.placeOrder(shop.domain, {
        email: "lamp@example.com",
        lines: [{ variantId: lamp.variantId, quantity: 1 }],
      });
      await waitFor(async () => (f.smtp.countTo("lamp@example.com") === 1 ? true : null), 30_000);
      await f.settle();
      // Refused three times, then enqueued from the same run: the transition is planned only once.
      expect(flaky.state.refusals).toBe(0);
      expect(flaky.state.calls).toBeGreaterThanOrEqual(4);
      const row = await f.app.deps.db.order.findFirstOrThrow({
        where: { shopId: shop.id, orderId: order.id },
      });
      expect(row.notifyDirtyAt).toBeNull();
      expect(f.smtp.countTo("lamp@example.com")).toBe(1);
    } finally {
      f.app.workerDeps.queues = real;
    }
  }, 60_000);
});

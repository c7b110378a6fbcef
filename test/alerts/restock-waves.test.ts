import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { variantStockChangedJob } from "../../web/server/queues/definitions/variant-stock-changed.ts";
import { restockWaveJob, restockWaveJobId } from "../../web/server/queues/definitions/restock-wave.ts";
import { sweepRestock } from "../../web/server/restock/sweep-restock.ts";
import { waitFor } from "../helpers/wait-for.ts";
import { addSubscribers, startAlertsFixture, type AlertsFixture } from "./alerts-fixture.ts";

describe("restock waves", () => {
  let fx: AlertsFixture;
  beforeAll(async () => {
    fx = await startAlertsFixture();
    await fx.app.startWorker({ concurrency: 5 });
  });
  afterAll(() => fx?.close());

  const sentTo = async (restockEventId: string) =>
    (
      await fx.app.deps.db.notification.findMany({
        where: { restockEventId, status: "SENT" },
        select: { recipient: true },
      })
    )
      .map((n) => n.recipient)
      .sort();
  const stockChanged = (shopId: string, variantId: bigint, jobId?: string) =>
    fx.app.deps.queues.enqueue(
      variantStockChangedJob,
      { shopId, variantId: String(variantId) },
      jobId ? { jobId } : {},
    );
  const settle = () => new Promise((r) => setTimeout(r, 1_500));

  it("mails the 6 oldest of 10 for 2 units (x3), the other 4 after the window; duplicates change nothing", async () => {
    const shop = await fx.addShop("Wave Shop");
    const v = await shop.addVariant({ title: "Merino Hoodie", stock: 0 });
    const emails = await addSubscribers(fx.app, shop.id, v.variantId, 10, "wave");

    fx.sim.setInventory(shop.domain, v.inventoryItemId, shop.locationId, 2);
    // The same stock change reported three times (duplicate and reordered webhooks upstream).
    await Promise.all([
      stockChanged(shop.id, v.variantId),
      stockChanged(shop.id, v.variantId),
      stockChanged(shop.id, v.variantId),
    ]);
    const event = await waitFor(() =>
      fx.app.deps.db.restockEvent.findFirst({ where: { shopId: shop.id, variantId: v.variantId } }),
    );
    await waitFor(async () => ((await sentTo(event.id)).length === 6 ? true : null));
    // A duplicated fan-out job for the same wave (another jobId, so BullMQ cannot dedupe it).
    await fx.app.deps.queues.enqueue(
      restockWaveJob,
      { shopId: shop.id, restockEventId: event.id, wave: 1 },
      { jobId: "dup-wave-1" },
    );
    await settle();

    expect(await sentTo(event.id)).toEqual(emails.slice(0, 6).sort());
    expect(await fx.app.deps.db.restockEvent.count({ where: { shopId: shop.id } })).toBe(1);
    for (const email of emails.slice(0, 6)) expect(fx.smtp.countTo(email)).toBe(1);
    for (const email of emails.slice(6)) expect(fx.smtp.countTo(email)).toBe(0);

    const message = fx.smtp.messages.find((m) => m.to.includes(emails[0]!))!;
    expect(message.headers).toMatch(
      /^List-Unsubscribe: <http:\/\/[^>\r\n]+\/unsubscribe\/[A-Za-z0-9_-]{32}>\r?$/m,
    );
    expect(message.headers).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
    expect(message.messageId).toMatch(/^<[0-9a-f-]{36}@backorder-hub>$/);
    expect(message.raw).toContain("utm_source=3Dbackorder-hub"); // quoted-printable "="
    expect(message.raw).toMatch(/bh_token=3D[0-9a-f-]{36}\./);

    // Within the window nothing more goes out even if the sweeper runs.
    fx.clock.advanceMinutes(30);
    await sweepRestock(fx.app.workerDeps);
    await settle();
    expect((await sentTo(event.id)).length).toBe(6);

    // After the window, stock still there: the other 4.
    fx.clock.advanceMinutes(91);
    await sweepRestock(fx.app.workerDeps);
    await waitFor(async () => ((await sentTo(event.id)).length === 10 ? true : null));
    expect(await sentTo(event.id)).toEqual([...emails].sort());
    for (const email of emails) expect(fx.smtp.countTo(email)).toBe(1);
    const done = await fx.app.deps.db.restockEvent.findUniqueOrThrow({ where: { id: event.id } });
    expect(done).toMatchObject({ status: "COMPLETED", wavesSent: 2, notifiedCount: 10 });
    expect(await fx.app.deps.db.subscription.count({ where: { shopId: shop.id, status: "NOTIFIED" } })).toBe(
      10,
    );
  });

  it("stops when the stock is gone before the next wave", async () => {
    const shop = await fx.addShop("Sold Out Shop");
    const v = await shop.addVariant({ title: "Wool Cap", stock: 0 });
    const emails = await addSubscribers(fx.app, shop.id, v.variantId, 10, "gone");
    fx.sim.setInventory(shop.domain, v.inventoryItemId, shop.locationId, 2);
    await stockChanged(shop.id, v.variantId);
    const event = await waitFor(() => fx.app.deps.db.restockEvent.findFirst({ where: { shopId: shop.id } }));
    await waitFor(async () => ((await sentTo(event.id)).length === 6 ? true : null));

    fx.sim.setInventory(shop.domain, v.inventoryItemId, shop.locationId, 0);
    fx.clock.advanceMinutes(180);
    await sweepRestock(fx.app.workerDeps);
    await waitFor(async () => {
      const e = await fx.app.deps.db.restockEvent.findUniqueOrThrow({ where: { id: event.id } });
      return e.status === "STOPPED" ? e : null;
    });
    await settle();
    expect((await sentTo(event.id)).length).toBe(6);
    for (const email of emails.slice(6)) expect(fx.smtp.countTo(email)).toBe(0);
    const job = await fx.app.deps.queues.get("events").getJob(restockWaveJobId(event.id, 2));
    expect(job ? await job.getState() : "gone").not.toBe("delayed");
  });

  it("records one event per crossing: a repeat of the same stock adds none, a new rise adds one", async () => {
    const shop = await fx.addShop("Crossing Shop");
    const v = await shop.addVariant({ title: "Canvas Tote", stock: 0 });
    const first = await addSubscribers(fx.app, shop.id, v.variantId, 3, "cross");
    const sentCount = () => fx.app.deps.db.notification.count({ where: { shopId: shop.id, status: "SENT" } });
    const variantRow = () => fx.app.deps.db.variant.findFirstOrThrow({ where: { shopId: shop.id } });
    fx.sim.setInventory(shop.domain, v.inventoryItemId, shop.locationId, 1);
    await stockChanged(shop.id, v.variantId);
    await waitFor(async () => ((await sentCount()) === 3 ? true : null));
    await stockChanged(shop.id, v.variantId); // the same stock reported again: no crossing

    fx.sim.setInventory(shop.domain, v.inventoryItemId, shop.locationId, 0);
    await fx.app.deps.db.variant.updateMany({ where: { shopId: shop.id }, data: { available: 0 } });
    await stockChanged(shop.id, v.variantId);
    await waitFor(async () => ((await variantRow()).aboveThreshold ? null : true));

    const [late] = await addSubscribers(fx.app, shop.id, v.variantId, 1, "late", new Date());
    // Our cached stock still says 0: the Admin API read is what sees the new units.
    fx.sim.setInventory(shop.domain, v.inventoryItemId, shop.locationId, 4);
    await stockChanged(shop.id, v.variantId);
    await waitFor(async () => ((await sentCount()) === 4 ? true : null));
    await settle();
    expect(await fx.app.deps.db.restockEvent.count({ where: { shopId: shop.id } })).toBe(2);
    expect((await variantRow()).restockCrossings).toBe(2);
    expect(fx.smtp.countTo(late!)).toBe(1);
    for (const email of first) expect(fx.smtp.countTo(email)).toBe(1);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { variantStockChangedJob } from "../../web/server/queues/definitions/variant-stock-changed.ts";
import { spawnWorkerChild, type WorkerChild } from "../helpers/spawn-worker-child.ts";
import { SENT_RECORDER_DEFAULTS } from "../../web/server/notifications/sent-recorder.ts";
import { waitForFanout } from "./describe-fanout-state.ts";
import { startAlertsFixture, type AlertsFixture } from "./alerts-fixture.ts";

/** Inserts `count` ACTIVE subscribers in one statement (oldest first), returns nothing to keep memory flat. */
async function bulkSubscribers(
  fx: AlertsFixture,
  shopId: string,
  variantId: bigint,
  count: number,
  prefix: string,
) {
  await fx.app.deps.db.$executeRaw`
    insert into "Subscription" (id, "shopId", "variantId", email, status, "activeKey", locale, "confirmToken", "unsubscribeToken", "createdAt", "confirmedAt")
    select gen_random_uuid()::text, ${shopId}, ${variantId}, ${prefix} || '-' || i || '@example.com', 'ACTIVE',
           ${String(variantId)} || ':' || ${prefix} || '-' || i || '@example.com', 'en',
           md5(random()::text || i), md5(random()::text || i || 'u'),
           now() - interval '30 days' + i * interval '1 second', now() - interval '30 days'
    from generate_series(1, ${count}) as i`;
}

function perRecipient(fx: AlertsFixture, prefix: string) {
  const raw = new Map<string, number>();
  const ids = new Map<string, Set<string>>();
  for (const message of fx.smtp.messages) {
    for (const to of message.to) {
      if (!to.startsWith(`${prefix}-`)) continue;
      raw.set(to, (raw.get(to) ?? 0) + 1);
      ids.set(to, (ids.get(to) ?? new Set()).add(message.messageId ?? ""));
    }
  }
  return { raw, ids };
}

describe("restock fan-out at scale", () => {
  let fx: AlertsFixture;
  const children: WorkerChild[] = [];
  beforeAll(async () => {
    fx = await startAlertsFixture();
  });
  afterAll(async () => {
    await Promise.all(children.map((c) => c.kill("SIGKILL")));
    await fx?.close();
  });

  // Slow on a shared 2-core machine (the SMTP server and the database share it): minutes, not seconds.
  it(
    "mails 20,000 subscribers of one variant exactly once with bounded worker memory",
    { timeout: 900_000 },
    async () => {
      const N = Number(process.env.SCALE_N ?? 20_000);
      const shop = await fx.addShop("Scale Shop", { waveMultiplier: 0, sendRatePerSecond: 0 });
      const v = await shop.addVariant({ title: "Viral Sneaker", stock: 0 });
      await bulkSubscribers(fx, shop.id, v.variantId, N, "scale");
      const worker = await spawnWorkerChild(fx.app, { smtpUrl: fx.smtp.url, concurrency: 25 });
      children.push(worker);
      const started = Date.now();
      fx.sim.setInventory(shop.domain, v.inventoryItemId, shop.locationId, 50);
      await fx.app.deps.queues.enqueue(variantStockChangedJob, {
        shopId: shop.id,
        variantId: String(v.variantId),
      });
      let firstHalfPeak = 0;
      await waitForFanout(
        fx,
        shop.id,
        [worker],
        async () => {
          if (firstHalfPeak === 0 && fx.smtp.messages.length >= N / 2) firstHalfPeak = worker.peakRss();
          return fx.smtp.messages.length >= N ? true : null;
        },
        880_000,
        500,
      );
      const seconds = (Date.now() - started) / 1000;
      await new Promise((r) => setTimeout(r, 1_000)); // let any straggler duplicate show up
      const { raw } = perRecipient(fx, "scale");
      expect(raw.size).toBe(N);
      expect([...raw.values()].every((n) => n === 1)).toBe(true);
      expect(await fx.app.deps.db.notification.count({ where: { shopId: shop.id, status: "SENT" } })).toBe(N);
      const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
      console.info(
        `[restock-scale] ${N} emails in ${seconds.toFixed(1)} s (${(N / seconds).toFixed(0)}/s); worker RSS ` +
          `${mb(worker.baselineRss())} MB idle, ${mb(firstHalfPeak)} MB peak over the first half, ${mb(worker.peakRss())} MB overall`,
      );
      // Bounded: pages of 1,000 and a fixed job concurrency. Memory that grew with the audience
      // would keep climbing through the second half (V8 growing its heap lazily is allowed for).
      expect(mb(worker.peakRss()) - mb(firstHalfPeak)).toBeLessThan(100);
      expect(mb(worker.peakRss())).toBeLessThan(768);
      await worker.kill();
    },
  );

  // The waits are long for a machine another test file keeps busy; a timeout prints where the work stood.
  it("loses and duplicates nothing when the worker is killed mid-wave", { timeout: 600_000 }, async () => {
    const N = 1_500;
    const shop = await fx.addShop("Crash Shop", { waveMultiplier: 0, sendRatePerSecond: 0 });
    const v = await shop.addVariant({ title: "Crash Jacket", stock: 0 });
    await bulkSubscribers(fx, shop.id, v.variantId, N, "crash");
    const first = await spawnWorkerChild(fx.app, { smtpUrl: fx.smtp.url, concurrency: 20 });
    children.push(first);
    fx.sim.setInventory(shop.domain, v.inventoryItemId, shop.locationId, 10);
    await fx.app.deps.queues.enqueue(variantStockChangedJob, {
      shopId: shop.id,
      variantId: String(v.variantId),
    });
    const sent = () => fx.app.deps.db.notification.count({ where: { shopId: shop.id, status: "SENT" } });
    // The sending rate just before the kill, measured once sending is under way.
    const wait = <T>(probe: () => Promise<T | null>, timeoutMs: number, everyMs: number) =>
      waitForFanout(fx, shop.id, children.slice(-2), probe, timeoutMs, everyMs);
    const underWay = await wait(
      async () => {
        const n = await sent();
        return n >= 50 ? { n, at: Date.now() } : null;
      },
      180_000,
      20,
    );
    await wait(async () => ((await sent()) >= 300 ? true : null), 120_000, 20);
    const killAt = Date.now();
    await first.kill("SIGKILL");
    const killedAt = await sent();
    const ratePerSecond = (killedAt - underWay.n) / (Math.max(1, killAt - underWay.at) / 1000);
    expect(killedAt).toBeLessThan(N); // really mid-wave

    const second = await spawnWorkerChild(fx.app, { smtpUrl: fx.smtp.url, concurrency: 20 });
    children.push(second);
    // Jobs the dead worker held come back after their lock expires (BullMQ stalled-job check).
    await wait(async () => ((await sent()) === N ? true : null), 240_000, 500);
    await new Promise((r) => setTimeout(r, 1_000));
    const { raw, ids } = perRecipient(fx, "crash");
    expect(ids.size).toBe(N); // nobody missed
    expect([...ids.values()].every((set) => set.size === 1)).toBe(true); // one email (Message-ID) each
    const resent = [...raw.values()].filter((n) => n > 1).length;
    // Only a message SMTP accepted in the instant before the kill, before SENT was written, can
    // reach the server twice, and then with the same Message-ID: one per send in flight (20 jobs),
    // plus what the SENT group commit held, which is at most what was accepted in its linger and
    // one write (sent-recorder.ts), 100 ms allowed for the write.
    const groupCommitHeld = Math.ceil((ratePerSecond * (SENT_RECORDER_DEFAULTS.lingerMs + 100)) / 1000);
    expect(resent).toBeLessThanOrEqual(20 + groupCommitHeld);
    console.info(
      `[restock-scale] killed after ${killedAt}/${N} sent (${ratePerSecond.toFixed(0)}/s); ${resent} same-Message-ID resends (bound ${20 + groupCommitHeld})`,
    );
    expect(await fx.app.deps.db.notification.count({ where: { shopId: shop.id } })).toBe(N);
    await second.kill();
  });
});

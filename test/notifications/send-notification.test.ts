import { describe, expect, it } from "vitest";
import { enqueueNotifications } from "../../web/server/notifications/enqueue-notification.ts";
import { createPrisma } from "../../web/server/db/create-prisma.ts";
import { hitRateCounter } from "../../web/server/limits/hit-rate-counter.ts";
import { sendNotification } from "../../web/server/notifications/send-notification.ts";
import { addSubscribers } from "../alerts/alerts-fixture.ts";
import { useLedgerShop } from "./ledger-fixture.ts";
import { waitFor } from "../helpers/wait-for.ts";

describe("send-notification (ledger + SMTP)", () => {
  const ledger = useLedgerShop("Ledger Shop", "Trail Hoodie");

  const db = () => ledger.fx.app.deps.db;
  /** A restock ledger row for a fresh subscriber, enqueued the way the fan-out does it. */
  async function restockRow(prefix: string, opts: { enqueue?: boolean } = {}) {
    const [email] = await addSubscribers(ledger.fx.app, ledger.shop.id, ledger.variant.variantId, 1, prefix);
    const sub = await db().subscription.findFirstOrThrow({ where: { shopId: ledger.shop.id, email } });
    const request = {
      shopId: ledger.shop.id,
      kind: "restock" as const,
      idempotencyKey: `restock:test:${sub.id}`,
      recipient: email!,
      subscriptionId: sub.id,
    };
    if (opts.enqueue === false) {
      const row = await db().notification.create({ data: request });
      return { email: email!, id: row.id };
    }
    const [id] = await enqueueNotifications(ledger.fx.app.deps, [request]);
    return { email: email!, id: id! };
  }
  const row = (id: string) => db().notification.findUniqueOrThrow({ where: { id } });
  const settled = (id: string) =>
    waitFor(async () => {
      const r = await row(id);
      return ["SENT", "FAILED", "SUPPRESSED"].includes(r.status) ? r : null;
    });

  it("sends once after a 451 deferral (retried with backoff)", async () => {
    const worker = await ledger.fx.app.startWorker({ concurrency: 5 });
    try {
      const { email, id } = await restockRow("soft");
      ledger.fx.smtp.replyWith(email, [451]);
      const done = await settled(id);
      expect(done).toMatchObject({ status: "SENT", attempts: 2, messageId: `<${id}@backorder-hub>` });
      expect(ledger.fx.smtp.countTo(email)).toBe(1);

      const again = await enqueueNotifications(ledger.fx.app.deps, [
        { shopId: ledger.shop.id, kind: "restock", idempotencyKey: done.idempotencyKey, recipient: email },
      ]);
      expect(again).toEqual([]); // SENT rows are not sent again
    } finally {
      await worker.close();
    }
  });

  it("marks a 550 FAILED, suppresses the address and never retries", async () => {
    const worker = await ledger.fx.app.startWorker({ concurrency: 5 });
    try {
      const { email, id } = await restockRow("hard");
      ledger.fx.smtp.alwaysReply(email, 550);
      const done = await settled(id);
      expect(done.status).toBe("FAILED");
      expect(done.attempts).toBe(1);
      expect(done.lastError).toContain("550");
      expect(
        await db().suppression.findUnique({ where: { shopId_email: { shopId: ledger.shop.id, email } } }),
      ).toMatchObject({ reason: "bounced" });
      // A later email to that address is suppressed without touching SMTP.
      const [next] = await enqueueNotifications(ledger.fx.app.deps, [
        {
          shopId: ledger.shop.id,
          kind: "backorder_ready",
          idempotencyKey: `ready:${email}`,
          recipient: email,
          context: { lines: [] },
        },
      ]);
      expect((await settled(next!)).status).toBe("SUPPRESSED");
      expect(ledger.fx.smtp.countTo(email)).toBe(0);
    } finally {
      await worker.close();
    }
  });

  it("of racing sends of one row exactly one reaches SMTP; a SENDING row with a live claim waits", async () => {
    const { email, id } = await restockRow("race", { enqueue: false });
    const results = await Promise.all(
      Array.from({ length: 5 }, () => sendNotification(ledger.fx.app.workerDeps, id)),
    );
    expect(results.filter((r) => r.outcome === "sent")).toHaveLength(1);
    expect(ledger.fx.smtp.countTo(email)).toBe(1);
    expect((await row(id)).status).toBe("SENT");

    // A worker died after claiming: within the lease nobody else sends, after it the row goes out.
    const crashed = await restockRow("crashed", { enqueue: false });
    await db().notification.update({
      where: { id: crashed.id },
      data: { status: "SENDING", claimedAt: new Date(), attempts: 1 },
    });
    expect((await sendNotification(ledger.fx.app.workerDeps, crashed.id)).outcome).toBe("later");
    await db().notification.update({
      where: { id: crashed.id },
      data: { claimedAt: new Date(Date.now() - 60_000) },
    });
    expect(await sendNotification(ledger.fx.app.workerDeps, crashed.id)).toMatchObject({ outcome: "sent" });
    expect(ledger.fx.smtp.countTo(crashed.email)).toBe(1);
    expect(ledger.fx.smtp.messages.find((m) => m.to.includes(crashed.email))?.messageId).toBe(
      `<${crashed.id}@backorder-hub>`,
    );
  });

  it("holds the shop's send rate across two workers", async () => {
    const limited = await ledger.fx.addShop("Rate Shop", { sendRatePerSecond: 10 });
    const v = await limited.addVariant({ title: "Slow Hoodie", stock: 0 });
    const emails = await addSubscribers(ledger.fx.app, limited.id, v.variantId, 40, "rate");
    const subs = await db().subscription.findMany({
      where: { shopId: limited.id },
      orderBy: { createdAt: "asc" },
    });
    const before = ledger.fx.smtp.messages.length;
    const started = Date.now();
    const workers = [
      await ledger.fx.app.startWorker({ concurrency: 10 }),
      await ledger.fx.app.startWorker({ concurrency: 10 }),
    ];
    try {
      await enqueueNotifications(
        ledger.fx.app.deps,
        subs.map((s) => ({
          shopId: limited.id,
          kind: "restock" as const,
          idempotencyKey: `restock:rate:${s.id}`,
          recipient: s.email!,
          subscriptionId: s.id,
        })),
      );
      await waitFor(
        async () =>
          (await db().notification.count({ where: { shopId: limited.id, status: "SENT" } })) === 40
            ? true
            : null,
        30_000,
      );
    } finally {
      await Promise.all(workers.map((w) => w.close()));
    }
    const arrivals = ledger.fx.smtp.messages.slice(before).map((m) => m.at);
    const perSecond = new Map<number, number>();
    for (const at of arrivals)
      perSecond.set(Math.floor(at / 1000), (perSecond.get(Math.floor(at / 1000)) ?? 0) + 1);
    // 40 at 10/s span at least 4 windows, so 3 window boundaries: more than 2 s even when the
    // first window was nearly over (unthrottled, 40 take a fraction of a second). Slots are granted
    // per database second; a loaded machine can deliver a granted message a little later, so a
    // wall-clock second may also see stragglers of the previous one, never more than a window's worth.
    expect(Math.max(...arrivals) - started).toBeGreaterThan(2_000);
    expect(Math.max(...perSecond.values())).toBeLessThanOrEqual(20);
    expect(ledger.fx.smtp.messages.length - before).toBe(40);
    for (const email of emails) expect(ledger.fx.smtp.countTo(email)).toBe(1);
  });

  it("counts hits atomically across database clients (two workers' pools)", async () => {
    const other = createPrisma(ledger.fx.app.databaseUrl, { poolSize: 5 });
    try {
      const hits = await Promise.all(
        Array.from({ length: 30 }, (_, i) => hitRateCounter(i % 2 ? other : db(), "test:atomic", 3600)),
      );
      expect(hits.map((h) => h.count).sort((a, b) => a - b)).toEqual(
        Array.from({ length: 30 }, (_, i) => i + 1),
      );
      expect(hits.every((h) => h.msUntilWindowEnd > 0 && h.msUntilWindowEnd <= 3_600_000)).toBe(true);
    } finally {
      await other.$disconnect();
    }
  });
});

import { describe, expect, it } from "vitest";
import { sendNotificationBatch } from "../../web/server/notifications/send-notification-batch.ts";
import { fillRestockWave } from "../../web/server/restock/fill-restock-wave.ts";
import { addSubscribers } from "../alerts/alerts-fixture.ts";
import { createRestockRows, useLedgerShop } from "./ledger-fixture.ts";

describe("send-notifications (a batch of ledger rows)", () => {
  const ledger = useLedgerShop("Batch Shop", "Batch Hoodie");

  const db = () => ledger.fx.app.deps.db;
  /** Restock ledger rows for `count` fresh subscribers (PENDING, no job), in address order. */
  const rows = (prefix: string, count: number) =>
    createRestockRows(
      ledger,
      prefix,
      Array.from({ length: count }, () => ({})),
    );
  const statusOf = async (ids: string[]) =>
    Object.fromEntries(
      (await db().notification.findMany({ where: { id: { in: ids } } })).map((r) => [r.recipient, r.status]),
    );

  it("settles each row by its own outcome; a rerun sends only what a 4xx deferred", async () => {
    const r = await rows("mixed", 5);
    const [ok, soft, hard, suppressed, unsubscribed] = r.map((x) => x.recipient) as string[];
    ledger.fx.smtp.replyWith(soft!, [451]);
    ledger.fx.smtp.alwaysReply(hard!, 550);
    await db().suppression.create({
      data: { shopId: ledger.shop.id, email: suppressed!, reason: "unsubscribed" },
    });
    await db().subscription.updateMany({
      where: { shopId: ledger.shop.id, email: unsubscribed! },
      data: { status: "UNSUBSCRIBED", activeKey: null },
    });
    const ids = r.map((x) => x.id);

    const first = await sendNotificationBatch(ledger.fx.app.workerDeps, { shopId: ledger.shop.id, ids });
    expect(first.sent).toHaveLength(1);
    expect(first.transient).not.toBeNull();
    expect(first.permanent?.reason).toContain("550");
    expect(await statusOf(ids)).toEqual({
      [ok!]: "SENT",
      [soft!]: "PENDING",
      [hard!]: "FAILED",
      [suppressed!]: "SUPPRESSED",
      [unsubscribed!]: "SUPPRESSED",
    });
    expect(
      await db().suppression.findUnique({
        where: { shopId_email: { shopId: ledger.shop.id, email: hard! } },
      }),
    ).toMatchObject({ reason: "bounced" });

    const second = await sendNotificationBatch(ledger.fx.app.workerDeps, { shopId: ledger.shop.id, ids });
    expect(second.sent.map((s) => s.id)).toEqual([r[1]!.id]);
    expect(second.transient).toBeNull();
    for (const email of [ok, soft]) expect(ledger.fx.smtp.countTo(email!)).toBe(1);
    for (const email of [hard, suppressed, unsubscribed]) expect(ledger.fx.smtp.countTo(email!)).toBe(0);

    const third = await sendNotificationBatch(ledger.fx.app.workerDeps, { shopId: ledger.shop.id, ids });
    expect(third).toMatchObject({ sent: [], alreadyDone: true, later: null });
  });

  it("of racing batches over the same rows each row goes out once", async () => {
    const r = await rows("racing", 40);
    const ids = r.map((x) => x.id);
    const results = await Promise.all(
      Array.from({ length: 4 }, () =>
        sendNotificationBatch(ledger.fx.app.workerDeps, { shopId: ledger.shop.id, ids }),
      ),
    );
    expect(results.flatMap((x) => x.sent.map((s) => s.id)).sort()).toEqual([...ids].sort());
    for (const x of r) expect(ledger.fx.smtp.countTo(x.recipient)).toBe(1);
    expect(Object.values(await statusOf(ids)).every((s) => s === "SENT")).toBe(true);
  });

  it("writes a wave's rows page by page without overshooting its target, once per subscriber", async () => {
    const s = await ledger.fx.addShop("Fill Shop", { sendRatePerSecond: 0 });
    const v = await s.addVariant({ title: "Fill Hoodie", stock: 0 });
    await addSubscribers(ledger.fx.app, s.id, v.variantId, 2_500, "fill");
    const event = await db().restockEvent.create({
      data: { shopId: s.id, variantId: v.variantId, crossing: 1, availableAtStart: 5, targetCount: 2_100 },
    });
    const target = { id: event.id, shopId: s.id, variantId: v.variantId };
    // Two jobs filling the same wave at once (a duplicate after a crash) share the target.
    const [a, b] = await Promise.all([
      fillRestockWave(ledger.fx.app.workerDeps, target, 1, false),
      fillRestockWave(ledger.fx.app.workerDeps, target, 1, false),
    ]);
    expect(a + b).toBe(2_100);
    const after = await db().restockEvent.findUniqueOrThrow({ where: { id: event.id } });
    expect(after.notifiedCount).toBe(2_100);
    expect(await db().notification.count({ where: { restockEventId: event.id } })).toBe(2_100);
    // Oldest first: the 2,100 oldest are NOTIFIED, the 400 youngest still wait.
    const waiting = await db().subscription.findMany({
      where: { shopId: s.id, status: "ACTIVE" },
      select: { email: true },
    });
    expect(waiting.map((w) => w.email).sort()).toEqual(
      Array.from({ length: 400 }, (_, i) => `fill-${String(2_100 + i).padStart(5, "0")}@example.com`),
    );
    const jobs = await ledger.fx.app.deps.queues.get("email").getJobs(["waiting", "delayed", "prioritized"]);
    const batched = jobs.filter((j) => j.name === "send-notifications" && j.data.shopId === s.id);
    expect(batched.flatMap((j) => j.data.notificationIds as string[]).length).toBe(2_100);
    expect(batched.every((j) => (j.data.notificationIds as string[]).length <= 100)).toBe(true);
  });
});

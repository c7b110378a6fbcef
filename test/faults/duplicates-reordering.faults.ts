import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  deliverWebhooks,
  newDeliveryLog,
  planDeliveries,
  seededRng,
  type PlannedDelivery,
} from "./support/deliver-webhooks.ts";
import { logFindings } from "./support/fault-checks.ts";
import { reportFaultRow } from "./support/fault-row.ts";
import { FAULTS } from "./support/fault-settings.ts";
import { createDayCatalog, simulateShopDay, type DayCatalog } from "./support/simulate-shop-day.ts";
import { compareDayEmails, readDayOutcome } from "./support/day-outcome.ts";
import { startFaultStack, type FaultStack, type StackShop } from "./support/start-fault-stack.ts";
import { TEST_API_SECRET } from "../helpers/start-test-app.ts";

const SIZES = FAULTS.sizes;
const ARTIFACTS = "test/artifacts/faults";
const SEED = FAULTS.seed;
/**
 * Deliveries go in waves of about this many webhooks per shop (whole 60 s windows), the system
 * settling between waves. Emails are decided a couple of seconds after a change (the product's
 * settle time), so a wave must be processed within that for both runs to decide on the same state:
 * a transient state that lasts longer is, rightly, emailed.
 */
const WAVE_WEBHOOKS = 100;

let stack: FaultStack;
beforeAll(async () => {
  stack = await startFaultStack({ name: "day", workers: 1, concurrency: 10 });
});
afterAll(() => stack?.close());

const windowOf = (triggeredAt: string) => Math.floor(Date.parse(triggeredAt) / 60_000);

describe("duplicates and reordering", () => {
  it("a shop day delivered shuffled within 60 s, 20% twice, concurrently, ends like the in-order single delivery", async ({
    task,
  }) => {
    // After the initial sync: inventory levels older than the synced ones are (rightly) ignored.
    const start = new Date(Date.now() + 60_000);
    const catalogs: DayCatalog[] = [];
    const prepare = (s: StackShop) => catalogs.push(createDayCatalog(stack.sim, s, 24, SEED));
    const a = await stack.installShop("Day In Order", prepare);
    const b = await stack.installShop("Day Shuffled", prepare);
    const [catalogA, catalogB] = catalogs as [DayCatalog, DayCatalog];
    const play = (shop: StackShop, catalog: DayCatalog, prefix: string) =>
      simulateShopDay({
        sim: stack.sim,
        clock: stack.clock,
        shop,
        catalog,
        webhooks: SIZES.dayWebhooks,
        seed: SEED + 1,
        start,
        emailPrefix: prefix,
        seen: stack.seenWebhooks,
      });
    const dayA = play(a, catalogA, "a");
    const dayB = play(b, catalogB, "b");
    expect(dayB.counts).toEqual(dayA.counts);

    const planA = planDeliveries(dayA.deliveries, { windowMs: 0, duplicateRate: 0, rng: Math.random });
    const planB = planDeliveries(dayB.deliveries, {
      windowMs: 60_000,
      duplicateRate: 0.2,
      rng: seededRng(SEED + 2),
    });
    const logA = newDeliveryLog();
    const logB = newDeliveryLog();
    const waveOfWindow = new Map<number, number>();
    let waveCount = 0;
    for (const [i, d] of dayA.deliveries.entries()) {
      const window = windowOf(d.triggeredAt);
      if (!waveOfWindow.has(window)) waveOfWindow.set(window, Math.floor(i / WAVE_WEBHOOKS));
      waveCount = Math.max(waveCount, waveOfWindow.get(window)! + 1);
    }
    const waveOf = (p: PlannedDelivery) => waveOfWindow.get(windowOf(p.delivery.triggeredAt))!;
    const waves = Array.from({ length: waveCount }, (_, i) => i);
    const started = Date.now();
    for (const wave of waves) {
      await Promise.all([
        deliverWebhooks(
          stack.webUrl,
          TEST_API_SECRET,
          planA.filter((p) => waveOf(p) === wave),
          { concurrency: 1, log: logA },
        ),
        deliverWebhooks(
          stack.webUrl,
          TEST_API_SECRET,
          planB.filter((p) => waveOf(p) === wave),
          { concurrency: 8, log: logB },
        ),
      ]);
      const t1 = Date.now();
      // Then what the app's own writes caused (orders/updated after a tag change), in order.
      await stack.settleAll(logA);
      if (FAULTS.debug) console.log(`wave ${wave}: settle ${Date.now() - t1} ms`);
    }
    const seconds = (Date.now() - started) / 1000;

    const inOrder = await readDayOutcome(stack, a, dayA, catalogA, "a");
    const shuffled = await readDayOutcome(stack, b, dayB, catalogB, "b");
    const emails = compareDayEmails(inOrder, shuffled);
    const dayIds = dayB.deliveries.map((d) => d.webhookId);
    const statusesB = await stack.db.webhookEvent.groupBy({
      by: ["status"],
      where: { webhookId: { in: dayIds } },
      _count: true,
    });
    const processedB = await stack.db.webhookEvent.count({
      where: { webhookId: { in: dayIds }, status: "PROCESSED" },
    });
    const messagesB = stack.smtp.messages.filter((m) => m.to.some((t) => t.startsWith("b-")));
    const duplicateEmails = messagesB.length - new Set(messagesB.map((m) => m.messageId)).size;
    const fiveXx = logA.fiveXx + logB.fiveXx;
    const historyOnlyIn = (x: string[], y: string[]) => x.filter((l) => !y.includes(l)).length;
    const historyDiff =
      historyOnlyIn(shuffled.history, inOrder.history) + historyOnlyIn(inOrder.history, shuffled.history);
    reportFaultRow(task, {
      test: "1 duplicates + reordering",
      events: planA.length + planB.length,
      lost: dayB.deliveries.length - processedB,
      duplicates: duplicateEmails,
      fiveXx,
      note: `${dayB.deliveries.length} webhooks/shop (${dayB.counts.orders} orders, ${dayB.counts.fulfilments} fulfilments, ${dayB.counts.cancellations} cancels, ${dayB.counts.inventory} stock), ${planB.length - dayB.deliveries.length} dups, ${messagesB.length} emails, ${historyDiff} closed-line history rows differ, ${emails.transient} orders told differently about a transient backorder, ${seconds.toFixed(0)} s`,
    });

    // Kept for diffing a failure: what each run ended with, line by line.
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    for (const [name, value] of [
      ["in-order", inOrder],
      ["shuffled", shuffled],
    ] as const) {
      const json = JSON.stringify({ ...value, emails: Object.fromEntries(value.emails) }, null, 1);
      fs.writeFileSync(path.join(ARTIFACTS, `day-${name}.json`), json);
    }
    expect(inOrder.backorders.length).toBeGreaterThan(0);
    expect(inOrder.emails.size).toBeGreaterThan(0);
    expect(processedB).toBe(dayB.deliveries.length);
    expect(statusesB.filter((s) => s.status !== "PROCESSED")).toEqual([]);
    expect(logB.acknowledged.size).toBe(dayB.deliveries.length);
    expect(fiveXx).toBe(0);
    expect(duplicateEmails).toBe(0);
    expect(emails.mismatches.join("\n")).toBe("");
    const { history: _h1, emails: _e1, ...finalShuffled } = shuffled;
    const { history: _h2, emails: _e2, ...finalInOrder } = inOrder;
    expect(finalShuffled).toEqual(finalInOrder);
  });
  it("captured logs carry no secret, token or full email address", () => {
    expect(logFindings(stack)).toEqual([]);
  });
});

// A restock fan-out on a real Redis Cluster (three masters, three replicas of redis-server), two
// worker processes: every subscriber mailed once; then the master holding the queues' slot is
// killed with -9 mid-fan-out, its replica takes over, and nothing is lost.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failedJobs, insertSubscribers, logFindings, receivedBy } from "./support/fault-checks.ts";
import { reportFaultRow } from "./support/fault-row.ts";
import { FAULTS } from "./support/fault-settings.ts";
import { startFaultStack, type FaultStack, type StackShop } from "./support/start-fault-stack.ts";
import { startRedisCluster, type RedisCluster } from "./support/start-redis-cluster.ts";
import { waitFor } from "../helpers/wait-for.ts";
import { createQueueBackend } from "../../web/server/queues/queue-backend.ts";

const N = FAULTS.sizes.fanoutSubscribers;
/** Every key of the app is prefixed with this hash tag (jobs/queue-backend.ts): one slot holds them all. */
const QUEUE_SLOT_KEY = "{bh}";
const WORK_JOBS = ["variant-stock-changed", "restock-wave", "send-notification", "send-notifications"];

let cluster: RedisCluster;
let stack: FaultStack;
beforeAll(async () => {
  cluster = await startRedisCluster();
  stack = await startFaultStack({ name: "cluster", workers: 2, concurrency: 20, redis: cluster });
});
afterAll(async () => {
  await stack?.close();
  await cluster?.close();
});

/** A sold-out variant with `N` confirmed subscribers, sends unthrottled, in one wave. */
async function soldOutVariant(name: string, prefix: string) {
  let variant = { variantId: 0n, inventoryItemId: 0n };
  const shop = await stack.installShop(name, (s) => {
    const created = stack.sim.createProduct(s.domain, {
      title: "Sold out jacket",
      variants: [{ title: "Default Title", price: "120.00", inventoryPolicy: "DENY", inventory: 0 }],
    });
    variant = { variantId: created.variants[0]!.id, inventoryItemId: created.variants[0]!.inventoryItemId };
  });
  await stack.db.shopSettings.update({
    where: { shopId: shop.id },
    data: { waveMultiplier: 0, sendRatePerSecond: 0 },
  });
  await insertSubscribers(stack, shop.id, variant.variantId, N, prefix);
  return { shop, variant };
}

async function restock(shop: StackShop, inventoryItemId: bigint) {
  stack.sim.setInventory(shop.domain, inventoryItemId, shop.locationId, 500);
  await stack.deliverPending();
}

async function ledgerStatuses(shopId: string) {
  return stack.db.notification.groupBy({ by: ["status"], where: { shopId, kind: "restock" }, _count: true });
}

/**
 * Waits for every recipient while they keep arriving: gives up after 3 minutes without a new one
 * (the restock sweeper re-sends rows a lost job held after 2 minutes), not after a fixed time, so
 * the full size on a loaded machine is not cut short.
 */
async function waitForAll(prefix: string) {
  let seen = -1;
  let progressAt = Date.now();
  for (;;) {
    const now = receivedBy(stack, prefix).recipients;
    if (now >= N) break;
    if (now > seen) [seen, progressAt] = [now, Date.now()];
    if (Date.now() - progressAt > 180_000) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  await stack.settleAll();
}

describe("Redis Cluster", () => {
  it("a restock fan-out with two workers on a three-master cluster mails each subscriber once", async ({
    task,
  }) => {
    const { shop, variant } = await soldOutVariant("Cluster Fanout", "cl");
    const started = Date.now();
    await restock(shop, variant.inventoryItemId);
    await waitForAll("cl-");
    const got = receivedBy(stack, "cl-");
    reportFaultRow(task, {
      test: "7a cluster fan-out",
      events: N,
      lost: N - got.recipients,
      duplicates: got.messages - got.recipients,
      fiveXx: 0,
      note: `${N} subscribers, 2 workers, 3 masters + 3 replicas, ${((Date.now() - started) / 1000).toFixed(0)} s`,
    });
    expect(await ledgerStatuses(shop.id)).toEqual([{ status: "SENT", _count: N }]);
    expect(got.recipients).toBe(N);
    expect(got.messages).toBe(N);
    expect(await failedJobs(stack, WORK_JOBS)).toEqual([]);
    expect(await stack.isIdle()).toBe(true);
  });

  it("kill -9 of the master holding the queues mid-fan-out: its replica takes over, nothing lost", async ({
    task,
  }) => {
    const { shop, variant } = await soldOutVariant("Cluster Failover", "fo");
    const started = Date.now();
    await restock(shop, variant.inventoryItemId);
    await waitFor(async () => (receivedBy(stack, "fo-").recipients >= N * 0.3 ? true : null), 900_000, 20);
    const victim = await cluster.masterOf(QUEUE_SLOT_KEY);
    // The queues really live there: the fan-out's jobs are keys of that one slot.
    const keysInSlot = await cluster.keysInSlot(QUEUE_SLOT_KEY);
    // The ledger's bound on duplicates: rows claimed for SMTP when the kill lands (docs/fault-suite.md).
    const sendingAtKill = await stack.db.notification.count({
      where: { shopId: shop.id, status: "SENDING" },
    });
    const receivedAtKill = receivedBy(stack, "fo-").recipients;
    await cluster.killNode(victim);
    const failoverMs = await cluster.waitForFailover(QUEUE_SLOT_KEY, victim, 60_000);
    await waitForAll("fo-");
    const got = receivedBy(stack, "fo-");
    const seconds = (Date.now() - started) / 1000;
    const failed = await failedJobs(stack, WORK_JOBS);
    reportFaultRow(task, {
      test: "7b cluster master kill -9",
      events: N,
      lost: N - got.recipients,
      duplicates: got.messages - got.recipients,
      fiveXx: 0,
      note: `${N} subscribers, master :${victim} (${keysInSlot} keys in the queues' slot) killed at ${receivedAtKill} received, ${sendingAtKill} rows claimed (duplicate bound), replica promoted in ${(failoverMs / 1000).toFixed(1)} s, ${failed.length} jobs failed for good, ${seconds.toFixed(0)} s`,
    });
    expect(keysInSlot).toBeGreaterThan(0);
    expect(await ledgerStatuses(shop.id)).toEqual([{ status: "SENT", _count: N }]);
    expect(got.recipients).toBe(N);
    expect(got.messages - got.recipients).toBeLessThanOrEqual(sendingAtKill);
    expect(got.duplicates).toBe(got.messages - got.recipients);
    expect(failed).toEqual([]);
    expect(await stack.isIdle()).toBe(true);
    for (const p of [stack.web, ...stack.workers]) expect(p.unexpectedExits).toEqual([]);
  });

  it("the Redis rate counters count on the cluster (one key, the queues' slot)", async () => {
    const backend = createQueueBackend({
      redisUrl: cluster.url,
      databaseUrl: stack.databaseUrl,
      prefix: "bh",
    });
    try {
      // A new client fails fast until it has the cluster's slot map (right after the failover above).
      await waitFor(async () => (await backend.ping(), true), 30_000);
      const hits = [];
      for (let i = 0; i < 3; i++) hits.push((await backend.countHit!("cluster-probe", 60)).count);
      expect(hits).toEqual([1, 2, 3]);
      expect(await cluster.masterOf("{bh}:rate:cluster-probe")).toBe(await cluster.masterOf(QUEUE_SLOT_KEY));
    } finally {
      await backend.close();
    }
  });

  it("captured logs carry no secret, token or full email address", () => {
    expect(logFindings(stack)).toEqual([]);
  });
});

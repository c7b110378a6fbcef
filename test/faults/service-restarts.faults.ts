import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  startEmbeddedPostgres,
  findFreePort,
  type EmbeddedDatabase,
} from "../../web/server/db/start-embedded-postgres.ts";
import { deliverWebhooks, newDeliveryLog, takeNewDeliveries } from "./support/deliver-webhooks.ts";
import {
  crashLines,
  failedJobs,
  insertSubscribers,
  receivedBy,
  logFindings,
} from "./support/fault-checks.ts";
import { reportFaultRow } from "./support/fault-row.ts";
import { FAULTS } from "./support/fault-settings.ts";
import { startFaultStack, type FaultStack } from "./support/start-fault-stack.ts";
import { startRedisServer, type RedisServer } from "./support/start-redis-server.ts";
import { TEST_API_SECRET } from "../helpers/start-test-app.ts";
import { waitFor } from "../helpers/wait-for.ts";

const SIZES = FAULTS.sizes;
const OUTAGE_MS = 4_000;

// Our own PostgreSQL and Redis: the machine's shared ones are never stopped.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bh-faults-pg-"));
let pgPort = 0;
let pg: EmbeddedDatabase;
let redis: RedisServer;
let stack: FaultStack;
const startPg = () => startEmbeddedPostgres({ dataDir, database: "faults", port: pgPort, persistent: true });

beforeAll(async () => {
  pgPort = await findFreePort();
  pg = await startPg();
  redis = await startRedisServer({ persistent: true });
  stack = await startFaultStack({ name: "restart", workers: 1, concurrency: 20, databaseUrl: pg.url, redis });
});
afterAll(async () => {
  await stack?.close();
  await redis?.close();
  await pg?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("service restarts", () => {
  it("Redis, then PostgreSQL, restart mid-ingestion and mid-fan-out: 5xx while unrecordable, nothing acknowledged lost, resumes alone", async ({
    task,
  }) => {
    const N = SIZES.restartSubscribers;
    const items: Record<string, { variantId: bigint; inventoryItemId: bigint }> = {};
    const shop = await stack.installShop("Restart Shop", (s) => {
      for (const [key, policy, stock] of [
        ["lamp", "CONTINUE", 20],
        ["sneaker", "DENY", 0],
      ] as const) {
        const created = stack.sim.createProduct(s.domain, {
          title: key,
          variants: [{ title: "Default Title", price: "30.00", inventoryPolicy: policy, inventory: stock }],
        });
        items[key] = {
          variantId: created.variants[0]!.id,
          inventoryItemId: created.variants[0]!.inventoryItemId,
        };
      }
    });
    await stack.db.shopSettings.update({
      where: { shopId: shop.id },
      data: { waveMultiplier: 0, sendRatePerSecond: 0 },
    });
    await insertSubscribers(stack, shop.id, items.sneaker!.variantId, N, "rs");
    // The restock goes first so the fan-out runs while the services go away.
    stack.sim.setInventory(shop.domain, items.sneaker!.inventoryItemId, shop.locationId, 1000);
    const orders = [];
    while (stack.sim.webhooks.queued().length - stack.seenWebhooks.size < SIZES.restartWebhooks) {
      orders.push(
        stack.sim.placeOrder(shop.domain, {
          email: `buyer-${orders.length}@example.com`,
          lines: [{ variantId: items.lamp!.variantId, quantity: 1 }],
        }),
      );
    }
    const plan = takeNewDeliveries(stack.sim, stack.seenWebhooks).map((delivery) => ({
      delivery,
      duplicate: false,
    }));
    const log = newDeliveryLog();
    // Shopify retries for hours; two minutes is plenty here.
    // Spread over ~30 s so both outages fall in the middle of ingestion.
    const delivering = deliverWebhooks(stack.webUrl, TEST_API_SECRET, plan, {
      concurrency: 4,
      retryForMs: 120_000,
      log,
      ratePerSecond: plan.length / 30,
    });
    const acked = (share: number) =>
      waitFor(async () => (log.acknowledged.size >= plan.length * share ? true : null), 120_000, 20);

    await acked(0.2);
    await redis.stop();
    await new Promise((r) => setTimeout(r, OUTAGE_MS));
    await redis.start();
    const fiveXxAfterRedis = log.fiveXx;

    await acked(0.5);
    await pg.stop();
    const statusDuringPg = await fetch(`${stack.webUrl}/readyz`)
      .then((r) => r.status)
      .catch(() => 0);
    await new Promise((r) => setTimeout(r, OUTAGE_MS));
    pg = await startPg();
    const fiveXxDuringPg = log.fiveXx - fiveXxAfterRedis;

    await delivering;
    await waitFor(async () => (receivedBy(stack, "rs-").recipients >= N ? true : null), 240_000, 500);
    await stack.settleAll();
    const processed = await stack.db.webhookEvent.count({
      where: { webhookId: { in: [...log.acknowledged] }, status: "PROCESSED" },
    });
    const got = receivedBy(stack, "rs-");
    const processes = [stack.web, ...stack.workers];
    const logLines = stack.logLines();
    const jobFailures = logLines.filter((l) => l.includes('"msg":"job failed"')).length;
    const pauses = logLines.filter((l) => l.includes("workers paused until it answers")).length;
    reportFaultRow(task, {
      test: "3 Redis + PostgreSQL restarts",
      events: plan.length + N,
      lost: plan.length - processed + (N - got.recipients),
      duplicates: got.duplicates,
      fiveXx: log.fiveXx,
      note: `${plan.length} webhooks + ${N}-subscriber fan-out; ${OUTAGE_MS / 1000} s outages; 5xx: ${fiveXxAfterRedis} during Redis, ${fiveXxDuringPg} during PostgreSQL; /readyz ${statusDuringPg} with PostgreSQL down; ${jobFailures} job attempts failed, workers paused ${pauses}x`,
    });
    expect(log.acknowledged.size).toBe(plan.length);
    expect(processed).toBe(plan.length);
    expect(fiveXxDuringPg).toBeGreaterThan(0);
    expect(statusDuringPg).toBe(503);
    expect(got.recipients).toBe(N);
    expect(processes.flatMap((p) => p.unexpectedExits)).toEqual([]);
    expect(processes.every((p) => p.alive())).toBe(true);
    expect(crashLines(stack.logLines())).toEqual([]);
    expect(
      await failedJobs(stack, [
        "process-webhook",
        "restock-wave",
        "send-notification",
        "variant-stock-changed",
      ]),
    ).toEqual([]);
  });
  it("captured logs carry no secret, token or full email address", () => {
    expect(logFindings(stack)).toEqual([]);
  });
});

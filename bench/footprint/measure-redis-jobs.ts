import { spawn } from "node:child_process";
import { once } from "node:events";
import crypto from "node:crypto";
import { Redis } from "ioredis";
import { createQueues, type Queues } from "../../jobs/create-queues.ts";
import { notifyOrderJob } from "../../jobs/definitions/notify-order.ts";
import { processWebhookJob, webhookJobId } from "../../jobs/definitions/process-webhook.ts";
import { recomputeVariantJob } from "../../jobs/definitions/recompute-variant.ts";
import { sendNotificationJob } from "../../jobs/definitions/send-notification.ts";
import { SEND_BATCH_MAX, sendNotificationsJob } from "../../jobs/definitions/send-notifications.ts";
import { createQueueBackend } from "../../jobs/queue-backend.ts";
import { findFreePort } from "../../web/server/db/start-embedded-postgres.ts";
import { sendBatchJobId } from "../../web/server/notifications/enqueue-send-batches.ts";

export type JobFootprint = { kind: string; jobs: number; bytesPerJob: number; note: string };

type Kind = { kind: string; note: string; enqueue(queues: Queues, n: number): Promise<void> };

const SHOP = crypto.randomUUID();
const ids = (n: number) => Array.from({ length: n }, () => crypto.randomUUID());

// Each kind as the app enqueues it (same definitions, job ids, delays), in bulk chunks of 1,000.
const KINDS: Kind[] = [
  {
    kind: "process-webhook",
    note: "one per webhook received (ingress), waiting",
    enqueue: (queues, n) =>
      inChunks(n, (from, to) =>
        queues.enqueueBulk(
          processWebhookJob,
          range(from, to).map((i) => ({
            payload: { webhookEventId: String(1_000_000 + i) },
            jobId: webhookJobId(BigInt(1_000_000 + i)),
          })),
        ),
      ),
  },
  {
    kind: "send-notifications",
    note: `fan-out batch of ${SEND_BATCH_MAX} ledger ids, waiting`,
    enqueue: (queues, n) =>
      inChunks(n, (from, to) =>
        queues.enqueueBulk(
          sendNotificationsJob,
          range(from, to).map(() => {
            const chunk = ids(SEND_BATCH_MAX).sort();
            return { payload: { shopId: SHOP, notificationIds: chunk }, jobId: sendBatchJobId("r1", chunk) };
          }),
        ),
      ),
  },
  {
    kind: "send-notification",
    note: "one transactional email (backorder, double opt-in), waiting",
    enqueue: (queues, n) =>
      inChunks(n, (from, to) =>
        queues.enqueueBulk(
          sendNotificationJob,
          range(from, to).map(() => {
            const id = crypto.randomUUID();
            return { payload: { notificationId: id }, jobId: `mail-${id}` };
          }),
        ),
      ),
  },
  {
    kind: "notify-order",
    note: "per order awaiting its email decision, delayed 2.5 s",
    enqueue: (queues, n) =>
      inChunks(n, (from, to) =>
        queues.enqueueBulk(
          notifyOrderJob,
          range(from, to).map((i) => ({
            payload: { shopId: SHOP, orderId: String(5_000_000_000 + i) },
            jobId: `notify-order-${SHOP}-${5_000_000_000 + i}-1`,
            delay: 2_500,
          })),
        ),
      ),
  },
  {
    kind: "recompute-variant",
    note: "per variant touched by an order or a stock move, delayed 0.45 s",
    enqueue: (queues, n) =>
      inChunks(n, (from, to) =>
        queues.enqueueBulk(
          recomputeVariantJob,
          range(from, to).map((i) => ({
            payload: { shopId: SHOP, variantId: String(40_000_000_000 + i) },
            jobId: `recompute-variant-${SHOP}-${40_000_000_000 + i}-1`,
            delay: 450,
          })),
        ),
      ),
  },
];

/**
 * Redis memory per queued job of each main kind: a throwaway redis-server (no persistence) is
 * started, and for each kind `n` jobs are enqueued through the app's own queues; the growth of
 * INFO memory's used_memory divided by `n` is the figure. The server is emptied between kinds.
 */
export async function measureRedisJobs(n: number): Promise<{ version: string; rows: JobFootprint[] }> {
  const port = await findFreePort();
  const server = spawn("redis-server", ["--port", String(port), "--save", "", "--appendonly", "no"], {
    stdio: "ignore",
  });
  const url = `redis://127.0.0.1:${port}`;
  const admin = new Redis(url, { retryStrategy: () => 100 });
  admin.on("error", () => undefined); // refused until the server listens: retried every 100 ms
  try {
    await new Promise((resolve) => admin.once("ready", resolve));
    const version = /redis_version:(\S+)/.exec(await admin.info("server"))?.[1] ?? "?";
    const rows: JobFootprint[] = [];
    for (const kind of KINDS) {
      await admin.flushall();
      const queues = createQueues(createQueueBackend({ redisUrl: url, databaseUrl: "", prefix: "measure" }));
      await queues.get("events").waitUntilReady();
      const before = await usedMemory(admin);
      await kind.enqueue(queues, n);
      const after = await usedMemory(admin);
      await queues.close();
      rows.push({ kind: kind.kind, jobs: n, bytesPerJob: Math.round((after - before) / n), note: kind.note });
    }
    return { version, rows };
  } finally {
    admin.disconnect();
    server.kill("SIGTERM");
    await once(server, "exit");
  }
}

async function usedMemory(redis: Redis): Promise<number> {
  return Number(/used_memory:(\d+)/.exec(await redis.info("memory"))?.[1] ?? NaN);
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}

async function inChunks(n: number, add: (from: number, to: number) => Promise<unknown>): Promise<void> {
  for (let from = 0; from < n; from += 1_000) await add(from, Math.min(n, from + 1_000));
}

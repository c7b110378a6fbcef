import { spawn } from "node:child_process";
import { once } from "node:events";
import crypto from "node:crypto";
import { Redis } from "ioredis";
import type { z } from "zod";
import { createQueues, type Queues } from "../../web/server/queues/create-queues.ts";
import type { JobDefinition } from "../../web/server/queues/definitions/define-job.ts";
import { notifyOrderJob } from "../../web/server/queues/definitions/notify-order.ts";
import { processWebhookJob, webhookJobId } from "../../web/server/queues/definitions/process-webhook.ts";
import { recomputeVariantJob } from "../../web/server/queues/definitions/recompute-variant.ts";
import { sendNotificationJob } from "../../web/server/queues/definitions/send-notification.ts";
import {
  SEND_BATCH_MAX,
  sendNotificationsJob,
} from "../../web/server/queues/definitions/send-notifications.ts";
import { createQueueBackend } from "../../web/server/queues/queue-backend.ts";
import { findFreePort } from "../../web/server/db/start-embedded-postgres.ts";
import { sendBatchJobId } from "../../web/server/notifications/enqueue-send-batches.ts";

export type JobFootprint = { kind: string; jobs: number; bytesPerJob: number; note: string };

type Kind = { kind: string; note: string; enqueue(queues: Queues, n: number): Promise<void> };

const SHOP = crypto.randomUUID();

/** A kind enqueued as the app does it (same definition, job id, delay), in bulk chunks of 1,000. */
function kind<S extends z.ZodType>(
  def: JobDefinition<S>,
  note: string,
  item: (i: number) => { payload: z.input<S>; jobId: string; delay?: number },
): Kind {
  return {
    kind: def.name,
    note,
    enqueue: async (queues, n) => {
      for (let from = 0; from < n; from += 1_000) {
        const items = Array.from({ length: Math.min(n, from + 1_000) - from }, (_, k) => item(from + k));
        await queues.enqueueBulk(def, items);
      }
    },
  };
}

const KINDS: Kind[] = [
  kind(processWebhookJob, "one per webhook received (ingress), waiting", (i) => ({
    payload: { webhookEventId: String(1_000_000 + i) },
    jobId: webhookJobId(BigInt(1_000_000 + i)),
  })),
  kind(sendNotificationsJob, `fan-out batch of ${SEND_BATCH_MAX} ledger ids, waiting`, () => {
    const chunk = Array.from({ length: SEND_BATCH_MAX }, () => crypto.randomUUID()).sort();
    return { payload: { shopId: SHOP, notificationIds: chunk }, jobId: sendBatchJobId("r1", chunk) };
  }),
  kind(sendNotificationJob, "one transactional email (backorder, double opt-in), waiting", () => {
    const id = crypto.randomUUID();
    return { payload: { notificationId: id }, jobId: `mail-${id}` };
  }),
  // The coalesced kinds (enqueue-coalesced.ts): job id per key and time bucket, delayed past it.
  kind(notifyOrderJob, "per order awaiting its email decision, delayed 2.5 s", (i) => ({
    payload: { shopId: SHOP, orderId: String(5_000_000_000 + i) },
    jobId: `notify-order-${SHOP}-${5_000_000_000 + i}-1`,
    delay: 2_500,
  })),
  kind(recomputeVariantJob, "per variant touched by an order or a stock move, delayed 0.45 s", (i) => ({
    payload: { shopId: SHOP, variantId: String(40_000_000_000 + i) },
    jobId: `recompute-variant-${SHOP}-${40_000_000_000 + i}-1`,
    delay: 450,
  })),
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
    for (const k of KINDS) {
      await admin.flushall();
      const queues = createQueues(createQueueBackend({ redisUrl: url, databaseUrl: "", prefix: "measure" }));
      await queues.get("events").waitUntilReady();
      const before = await usedMemory(admin);
      await k.enqueue(queues, n);
      const after = await usedMemory(admin);
      await queues.close();
      rows.push({ kind: k.kind, jobs: n, bytesPerJob: Math.round((after - before) / n), note: k.note });
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

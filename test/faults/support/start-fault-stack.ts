import type { Router } from "express";
import type { Redis } from "ioredis";
import { createQueues, type Queues } from "../../../web/server/queues/create-queues.ts";
import { QUEUE_NAMES } from "../../../web/server/queues/definitions/define-job.ts";
import { createQueueBackend } from "../../../web/server/queues/queue-backend.ts";
import { createSimulator, type Simulator } from "../../../simulator/create-simulator.ts";
import { createPrisma, type Db } from "../../../web/server/db/create-prisma.ts";
import { findFreePort } from "../../../web/server/db/start-embedded-postgres.ts";
import { TEST_API_KEY, TEST_API_SECRET } from "../../helpers/start-test-app.ts";
import { createTestDatabase } from "../../helpers/test-database.ts";
import { waitFor } from "../../helpers/wait-for.ts";
import { deliverWebhooks, newDeliveryLog, takeNewDeliveries, type DeliveryLog } from "./deliver-webhooks.ts";
import { spawnAppProcess, type AppProcess } from "./spawn-app-process.ts";
import { startSmtpCatcher, type SmtpCatcher } from "../../helpers/smtp-catcher.ts";
import { startRedisServer, type RedisServer } from "./start-redis-server.ts";
import { FAULTS } from "./fault-settings.ts";
import { SWEEP_ORDER_EMAILS_EVERY_MS } from "../../../web/server/queues/definitions/sweep-order-emails.ts";
import { MARKED_ORDER_GRACE_MS } from "../../../web/server/backorders/reenqueue-marked-orders.ts";

/** The longest a marked order can wait for the sweep: its grace, one period, and a margin. */
const MARKED_ORDER_SWEEP_MS = MARKED_ORDER_GRACE_MS + SWEEP_ORDER_EMAILS_EVERY_MS + 60_000;

export type SimClock = { now: Date | null; offsetMs: number };

export type StackShop = { id: string; domain: string; locationId: bigint };

export type FaultStack = {
  sim: Simulator;
  smtp: SmtpCatcher;
  redis: RedisServer;
  db: Db;
  queues: Queues;
  databaseUrl: string;
  webUrl: string;
  web: AppProcess;
  workers: AppProcess[];
  /** Clock of the simulator (timestamps of its webhooks): `now` when set, else real time + offset. */
  clock: SimClock;
  /** Creates the shop on the simulator, lets `prepare` stock it, then installs the app (token exchange + initial sync). */
  installShop(name: string, prepare?: (shop: StackShop) => void): Promise<StackShop>;
  addWorker(): Promise<AppProcess>;
  /** Every captured log line of every process of this stack. */
  logLines(): string[];
  /** No job waiting, running or delayed (schedulers aside), no webhook left unprocessed, no order left marked. */
  settle(opts?: { stallMs?: number; maxMs?: number }): Promise<void>;
  isIdle(): Promise<boolean>;
  /** Webhook ids taken from the simulator's queue so far (delivered, or planned by a test). */
  seenWebhooks: Set<string>;
  /**
   * Delivers, in order and once, what the simulator emitted since the last call (webhooks caused
   * by the app's own Admin API writes included), as Shopify would. Returns how many.
   */
  deliverPending(log?: DeliveryLog): Promise<number>;
  /** settle() and deliverPending() until nothing new is emitted. */
  settleAll(log?: DeliveryLog): Promise<void>;
  close(): Promise<void>;
};

/**
 * Real processes on real services: a web and N workers (node, as in production) on a PostgreSQL
 * database and a Redis of their own, a Shopify simulator and a misbehaving-on-demand SMTP server in
 * the test process. Webhooks are held by the simulator; tests deliver them (see deliver-webhooks).
 */
export async function startFaultStack(opts: {
  name: string;
  workers?: number;
  concurrency?: number;
  /** A database URL to use (the restart test's own PostgreSQL); default a fresh test database. */
  databaseUrl?: string;
  redis?: RedisServer;
  /** Extra simulator routes, mounted before its own (a stricter Shopify for one test). */
  simRoutes?: (sim: Simulator) => Router;
  /** Extra environment for the web and worker processes (e.g. the ops credentials for /metrics). */
  env?: Record<string, string>;
}): Promise<FaultStack> {
  const clock: SimClock = { now: null, offsetMs: 0 };
  const sim = await createSimulator({
    apiKey: TEST_API_KEY,
    apiSecret: TEST_API_SECRET,
    now: () => clock.now ?? new Date(Date.now() + clock.offsetMs),
    ...(opts.simRoutes ? { routes: opts.simRoutes } : {}),
  });
  sim.webhooks.pause();
  const smtp = await startSmtpCatcher();
  const redis = opts.redis ?? (await startRedisServer());
  const database = opts.databaseUrl
    ? { url: opts.databaseUrl, drop: async () => undefined }
    : await createTestDatabase();
  const port = await findFreePort();
  const webUrl = `http://127.0.0.1:${port}`;
  sim.setAppUrl(webUrl);
  const env = {
    SHOPIFY_API_KEY: TEST_API_KEY,
    SHOPIFY_API_SECRET: TEST_API_SECRET,
    SHOPIFY_APP_URL: webUrl,
    SHOPIFY_ADMIN_ORIGIN: sim.origin,
    DATABASE_URL: database.url,
    REDIS_URL: redis.url,
    SMTP_URL: smtp.url,
    PORT: String(port),
    LOG_LEVEL: "info",
    WORKER_CONCURRENCY: String(opts.concurrency ?? 10),
    ...opts.env,
  };
  const web = await spawnAppProcess({ name: `${opts.name}-web`, kind: "web", env });
  const workers: AppProcess[] = [];
  const addWorker = async () => {
    const worker = await spawnAppProcess({
      name: `${opts.name}-worker${workers.length + 1}`,
      kind: "worker",
      env,
    });
    workers.push(worker);
    return worker;
  };
  for (let i = 0; i < (opts.workers ?? 1); i += 1) await addWorker();
  const db = createPrisma(database.url, { poolSize: 4 });
  const queues = createQueues(
    createQueueBackend({ redisUrl: redis.url, databaseUrl: database.url, prefix: "bh" }),
  );

  const seenWebhooks = new Set<string>();
  const deliverPending = async (log: DeliveryLog = newDeliveryLog()) => {
    const fresh = takeNewDeliveries(sim, seenWebhooks);
    const plan = fresh.map((delivery) => ({ delivery, duplicate: false }));
    await deliverWebhooks(webUrl, TEST_API_SECRET, plan, { concurrency: 1, retryForMs: 60_000, log });
    return fresh.length;
  };
  /**
   * Work still to do: jobs to run (schedulers' next runs aside), webhooks not yet processed, and
   * orders still marked as owing an email decision (a lost notify-order enqueue, which only the
   * sweep recovers). `marked` is kept apart: the sweep waits out a grace before it acts.
   */
  const workLeft = async (): Promise<{
    left: number;
    marked: number;
    reconciledOrders: number;
    detail: string | null;
  }> => {
    let left = 0;
    const details: string[] = [];
    for (const name of QUEUE_NAMES) {
      const queue = queues.get(name);
      const counts = await queue.getJobCounts("waiting", "active", "prioritized", "waiting-children");
      // Job schedulers keep their next run delayed ("repeat:" ids): those are not work left over.
      const delayed = (await queue.getDelayed(0, 1000)).filter(
        (job) => !String(job.id).startsWith("repeat:"),
      );
      const n = Object.values(counts).reduce((a, b) => a + b, 0) + delayed.length;
      if (n > 0) details.push(`${name}: ${JSON.stringify({ ...counts, delayed: delayed.length })}`);
      left += n;
    }
    const received = await db.webhookEvent.count({ where: { status: "RECEIVED" } });
    if (received > 0) details.push(`${received} webhooks RECEIVED`);
    const marked = await db.order.count({ where: { notifyDirtyAt: { not: null } } });
    if (marked > 0) details.push(`${marked} orders marked as owing an email decision`);
    // A running order reconciliation is one job for minutes (it pages through every order under
    // the Admin API's rate limit): the orders it has read are its progress.
    const reconciled = await db.orderReconciliation.aggregate({ _sum: { ordersRead: true } });
    if (reconciled._sum.ordersRead) details.push(`order reconciliation: ${reconciled._sum.ordersRead} read`);
    return {
      left: left + received + marked,
      marked,
      reconciledOrders: reconciled._sum.ordersRead ?? 0,
      detail: details.length ? details.join("; ") : null,
    };
  };
  const isIdle = async () => (await workLeft()).left === 0;
  /** For a stall's error: which jobs are active, since when, and the state the backend reports. */
  const describeActive = async () => {
    const out: string[] = [];
    for (const name of QUEUE_NAMES) {
      const queue = queues.get(name);
      for (const job of await queue.getActive(0, 20)) {
        const state = await job.getState().catch((e: unknown) => String(e));
        // Whether a worker still holds it: a renewed lock means its processor has not returned.
        const lockMs = await lockTtl(queue, String(job.id));
        out.push(
          `${name}/${job.name}#${job.id} attemptsMade=${job.attemptsMade} processedOn=${
            job.processedOn ? new Date(job.processedOn).toISOString() : "-"
          } state=${state} lockTtlMs=${lockMs} data=${JSON.stringify(job.data).slice(0, 200)}`,
        );
      }
    }
    const problems = [web, ...workers]
      .flatMap((p) => p.lines)
      .filter((line) => /"level":(4|5|6)\d/.test(line))
      .slice(-15);
    return `${out.join("\n")}\nlast warnings and errors of the processes:\n${problems.join("\n")}`;
  };

  /**
   * Waits until nothing is left to do (three quiet reads in a row). Fails when the work stops
   * shrinking for `stallMs` (something is stuck), not after a fixed time: at full sizes the
   * Admin API's rate limit alone takes minutes (about 10 tag mutations a second per shop).
   * While orders are marked, the stall allowance covers the sweep's grace and period: a marked
   * order with no job left is recovered by the sweep only, and that is the product working.
   */
  const settle = async (opts: { stallMs?: number; maxMs?: number } = {}) => {
    const stallMs = opts.stallMs ?? 90_000;
    const maxMs = opts.maxMs ?? 20 * 60_000;
    const started = Date.now();
    let quiet = 0;
    let least = Number.POSITIVE_INFINITY;
    let leastMarked = Number.POSITIVE_INFINITY;
    let shrankAt = started;
    let reconciledBefore = 0;
    for (;;) {
      const { left, marked, reconciledOrders, detail } = await workLeft();
      quiet = left === 0 ? quiet + 1 : 0;
      if (quiet >= 3) return;
      // Marks cleared are progress too: the sweep turns each marked order into jobs, so the total
      // can stay flat at that moment while the allowance drops from the sweep's to `stallMs`.
      if (left < least || marked < leastMarked || reconciledOrders !== reconciledBefore) {
        least = Math.min(least, left);
        leastMarked = Math.min(leastMarked, marked);
        reconciledBefore = reconciledOrders;
        shrankAt = Date.now();
      }
      const allowance = marked > 0 ? Math.max(stallMs, MARKED_ORDER_SWEEP_MS) : stallMs;
      if (Date.now() - shrankAt > allowance)
        throw new Error(
          `no progress for ${allowance} ms; still busy: ${detail}\nactive:\n${await describeActive()}`,
        );
      if (Date.now() - started > maxMs)
        throw new Error(`not settled after ${maxMs} ms; still busy: ${detail}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const settleAll = async (log?: DeliveryLog) => {
    for (;;) {
      const t = Date.now();
      await settle();
      const n = await deliverPending(log);
      if (FAULTS.debug) console.log(`settled in ${Date.now() - t} ms, then ${n} follow-up webhooks`);
      if (n === 0) return;
    }
  };

  return {
    sim,
    smtp,
    redis,
    db,
    queues,
    databaseUrl: database.url,
    webUrl,
    web,
    workers,
    clock,
    addWorker,
    isIdle,
    seenWebhooks,
    deliverPending,
    logLines: () => [web, ...workers].flatMap((p) => p.lines),
    async installShop(name, prepare) {
      const simShop = sim.createShop({ name, ianaTimezone: "UTC" });
      prepare?.({ id: "", domain: simShop.domain, locationId: simShop.locationIds[0]! });
      const token = await sim.mintSessionToken({ shop: simShop.domain });
      const res = await fetch(`${webUrl}/api/shop`, { headers: { Authorization: `Bearer ${token}` } });
      if (res.status !== 200)
        throw new Error(`install of ${simShop.domain}: ${res.status} ${await res.text()}`);
      const shop = await waitFor(async () => {
        const row = await db.shop.findUnique({ where: { domain: simShop.domain } });
        if (row?.syncStatus === "FAILED") throw new Error("initial sync failed");
        return row?.syncStatus === "DONE" ? row : null;
      }, 60_000);
      const installed = { id: shop.id, domain: simShop.domain, locationId: simShop.locationIds[0]! };
      await settleAll();
      return installed;
    },
    settle,
    settleAll,
    async close() {
      await Promise.all([...workers, web].map((p) => p.kill("SIGTERM")));
      await queues.close().catch(() => undefined);
      await db.$disconnect();
      await database.drop();
      if (!opts.redis) await redis.close();
      await smtp.close();
      await sim.close();
    },
  };
}

/** The milliseconds left on a job's lock (-2: no lock), or the error reading it. */
async function lockTtl(queue: ReturnType<Queues["get"]>, jobId: string): Promise<string> {
  try {
    const client = await queue.backend.client;
    return String(await (client as unknown as Redis).pttl(`${queue.toKey(jobId)}:lock`));
  } catch (error) {
    return String(error);
  }
}

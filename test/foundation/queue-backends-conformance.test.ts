// One conformance suite for both queue backends the app runs on (jobs/queue-backend.ts): Redis, and
// BullMQ's PostgreSQL backend. Each case runs against both in every test run, whatever the run's own
// backend is: the run's Redis when it has REDIS_URL, else a throwaway redis-server of this file.
// The cases are the behaviours the app's jobs rely on: dedupe by job id, delays, schedulers,
// stalled-job recovery after a worker dies, priorities (and jobs without one first).
import crypto from "node:crypto";
import type { Job, Queue, Worker } from "bullmq";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createQueueBackend, type QueueBackend } from "../../web/server/queues/queue-backend.ts";
import { startRedisServer, type RedisServer } from "../faults/support/start-redis-server.ts";
import { createTestDatabase } from "../helpers/test-database.ts";
import { waitFor } from "../helpers/wait-for.ts";

/** Polls until the condition holds (waitFor takes any non-null value as done). */
const until = (cond: () => boolean | Promise<boolean>, timeoutMs: number) =>
  waitFor(async () => ((await cond()) ? true : null), timeoutMs);

type Lane = { name: "redis" | "postgres"; url: () => { redisUrl?: string; databaseUrl: string } };

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let ownRedis: RedisServer | undefined;
let redisUrl = "";

beforeAll(async () => {
  database = await createTestDatabase();
  redisUrl = inject("redisUrl");
  if (!redisUrl) {
    ownRedis = await startRedisServer();
    redisUrl = ownRedis.url;
  }
});
afterAll(async () => {
  await ownRedis?.close();
  await database?.drop();
});

const lanes: Lane[] = [
  { name: "redis", url: () => ({ redisUrl, databaseUrl: database.url }) },
  { name: "postgres", url: () => ({ databaseUrl: database.url }) },
];

describe.each(lanes)("queue backend conformance: $name", (lane) => {
  let backend: QueueBackend;
  const opened: (Queue | Worker)[] = [];
  const prefix = `qc${crypto.randomBytes(4).toString("hex")}`;

  beforeAll(() => {
    backend = createQueueBackend({ ...lane.url(), prefix });
  });
  afterAll(async () => {
    // The run's Redis outlives this file: leave no keys behind.
    const queues = opened.filter((item): item is Queue => "obliterate" in item);
    if (lane.name === "redis")
      for (const q of queues) await q.obliterate({ force: true }).catch(() => undefined);
    for (const item of opened.reverse()) await item.close().catch(() => undefined);
    await backend?.close();
  });

  const queue = (name: string) => track(backend.createQueue(name));
  const worker = (name: string, run: (job: Job) => Promise<unknown>, opts = {}) =>
    track(backend.createWorker(name, run, { concurrency: 1, ...opts }));
  function track<T extends Queue | Worker>(item: T): T {
    opened.push(item);
    return item;
  }

  it("is the backend it says", () => {
    expect(backend.kind).toBe(lane.name);
  });

  it("keeps one job per job id: a second add with the same id is ignored", async () => {
    const q = queue("dedupe");
    const first = await q.add("k", { n: 1 }, { jobId: "same-id" });
    const second = await q.add("k", { n: 2 }, { jobId: "same-id" });
    expect(second.id).toBe(first.id);
    const seen: unknown[] = [];
    worker("dedupe", async (job) => void seen.push(job.data));
    await until(async () => (await q.getJobCounts("completed")).completed === 1, 15_000);
    expect(seen).toEqual([{ n: 1 }]);
  });

  it("holds a delayed job until its delay has passed", async () => {
    const q = queue("delay");
    const job = await q.add("d", {}, { delay: 1_200 });
    expect(await job.getState()).toBe("delayed");
    worker("delay", async () => "done");
    await until(async () => (await q.getJob(job.id!))?.finishedOn !== undefined, 15_000);
    const done = (await q.getJob(job.id!))!;
    expect(done.processedOn! - done.timestamp).toBeGreaterThanOrEqual(1_200);
  });

  it("runs a scheduler's jobs repeatedly and stops when it is removed", async () => {
    const q = queue("schedule");
    const runs: string[] = [];
    worker("schedule", async (job) => void runs.push(String(job.id)));
    await q.upsertJobScheduler("tick", { every: 300 }, { name: "tick", data: {} });
    await until(() => runs.length >= 3, 20_000);
    expect(new Set(runs).size).toBe(runs.length);
    await q.removeJobScheduler("tick");
    expect(await q.getJobSchedulers()).toEqual([]);
  });

  it("gives a job whose worker died to another worker (stalled recovery)", async () => {
    const q = queue("stall");
    const lock = { lockDuration: 1_000, stalledInterval: 500, maxStalledCount: 2 };
    let started!: () => void;
    const startedOnce = new Promise<void>((resolve) => (started = resolve));
    const dying = worker("stall", () => (started(), new Promise(() => undefined)), lock);
    const job = await q.add("s", { v: 7 });
    await startedOnce;
    // A crash: the worker stops renewing its lock without finishing or failing the job.
    await dying.close(true);
    const rescued: unknown[] = [];
    worker("stall", async (j) => void rescued.push(j.data), lock);
    await until(async () => (await q.getJob(job.id!))?.finishedOn !== undefined, 20_000);
    expect(rescued).toEqual([{ v: 7 }]);
  });

  it("takes waiting jobs by priority, lower number first", async () => {
    const q = queue("priority");
    await q.add("p", { p: 5 }, { priority: 5 });
    await q.add("p", { p: 1 }, { priority: 1 });
    await q.add("p", { p: 3 }, { priority: 3 });
    const order: number[] = [];
    worker("priority", async (job) => void order.push((job.data as { p: number }).p));
    await until(() => order.length === 3, 15_000);
    expect(order).toEqual([1, 3, 5]);
  });

  it("takes every waiting job without a priority before a prioritized one, also one back from a delay", async () => {
    // notify-order jobs rely on it: held by the hundred, they must never delay a webhook job.
    const q = queue("unprioritized-first");
    await q.add("late", { n: "delayed" }, { priority: 10, delay: 300 });
    await q.add("late", { n: "prioritized" }, { priority: 10 });
    for (let i = 0; i < 3; i++) await q.add("plain", { n: `plain-${i}` });
    await new Promise((r) => setTimeout(r, 600));
    for (let i = 3; i < 5; i++) await q.add("plain", { n: `plain-${i}` });
    const order: string[] = [];
    worker("unprioritized-first", async (job) => void order.push((job.data as { n: string }).n));
    await until(() => order.length === 7, 15_000);
    expect(order.slice(0, 5).sort()).toEqual(["plain-0", "plain-1", "plain-2", "plain-3", "plain-4"]);
    expect(order.slice(5).sort()).toEqual(["delayed", "prioritized"]);
  });
});

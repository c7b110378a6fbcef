// Three workers, as three processes on three machines would run them: each with its own queue
// connections and metrics registry, sharing one database and one queue backend (Redis when the run
// has REDIS_URL, BullMQ's PostgreSQL backend otherwise; .ci/run runs both).
import crypto from "node:crypto";
import type { Job } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { z } from "zod";
import { createQueues, type Queues } from "../../web/server/queues/create-queues.ts";
import { createWorker, type RunningWorker } from "../../jobs/create-worker.ts";
import { defineJob, QUEUE_NAMES } from "../../web/server/queues/definitions/define-job.ts";
import { JOB_HANDLERS, type JobHandler } from "../../jobs/job-handlers.ts";
import { createQueueBackend } from "../../web/server/queues/queue-backend.ts";
import { createMetrics, type Metrics } from "../../web/server/metrics/create-metrics.ts";
import { startTestApp, type TestApp } from "../helpers/start-test-app.ts";
import { waitFor } from "../helpers/wait-for.ts";

const JOBS = 300;
const TICK_EVERY_MS = 400;
const probeJob = defineJob({
  name: "ops-probe",
  queue: "events",
  schema: z.object({ n: z.number().int() }),
  options: { attempts: 3, removeOnComplete: { count: 1000 } },
});
const tickJob = defineJob({ name: "ops-tick", queue: "shopify", schema: z.object({}), options: {} });

type Run = { worker: number; jobId: string };

describe("scale-out: three workers on one queue backend", () => {
  let app: TestApp;
  const prefix = `so${crypto.randomBytes(4).toString("hex")}`;
  const redisUrl = inject("redisUrl") || undefined;
  const nodes: { queues: Queues; metrics: Metrics; worker?: RunningWorker }[] = [];
  const probes: Run[] = [];
  const ticks: Run[] = [];

  const handlersFor = (worker: number): JobHandler[] => [
    {
      definition: probeJob,
      run: async (_deps, data, job: Job) => {
        probeJob.schema.parse(data);
        await new Promise((r) => setTimeout(r, Math.random() * 4));
        probes.push({ worker, jobId: String(job.id) });
      },
    },
    {
      definition: tickJob,
      every: TICK_EVERY_MS,
      run: async (_deps, _data, job: Job) => {
        ticks.push({ worker, jobId: String(job.id) });
      },
    },
  ];
  const connect = () => createQueues(createQueueBackend({ redisUrl, databaseUrl: app.databaseUrl, prefix }));

  beforeAll(async () => {
    app = await startTestApp();
    for (let i = 0; i < 3; i++) nodes.push({ queues: connect(), metrics: createMetrics() });
  });
  afterAll(async () => {
    await Promise.all(nodes.map((n) => n.worker?.close()));
    const first = nodes[0];
    if (first && redisUrl) {
      // Redis outlives the test database: leave no keys behind.
      await Promise.all(QUEUE_NAMES.map((q) => first.queues.get(q).obliterate({ force: true })));
    }
    await Promise.all(nodes.map((n) => n.queues.close()));
    await app?.close();
  });

  it("runs every job exactly once and each scheduled job once per period, cluster-wide", async () => {
    const started = Date.now(); // schedulers fire once right at their first upsert
    for (const [i, node] of nodes.entries()) {
      node.worker = await createWorker(
        { ...app.workerDeps, queues: node.queues, metrics: node.metrics },
        { concurrency: 8, schedule: true, handlers: handlersFor(i) },
      );
    }
    const producer = nodes[0]!.queues;
    const items = Array.from({ length: JOBS }, (_, n) => ({ payload: { n }, jobId: `probe-${n}` }));
    await producer.enqueueBulk(probeJob, items);
    await producer.enqueueBulk(probeJob, items.slice(0, 50)); // duplicate ids: ignored while they exist

    await waitFor(async () => (probes.length >= JOBS ? true : null), 30_000);
    // Give a wrongly duplicated run (a second worker taking the same job) time to show up.
    await new Promise((r) => setTimeout(r, Math.max(0, 3 * TICK_EVERY_MS - (Date.now() - started)) + 500));
    const window = Date.now() - started;

    expect(probes).toHaveLength(JOBS);
    expect(new Set(probes.map((p) => p.jobId)).size).toBe(JOBS);
    const completed = await Promise.all(
      nodes.map(
        async (n) =>
          (await n.metrics.jobs.get()).values.find((v) => v.labels.name === "ops-probe")?.value ?? 0,
      ),
    );
    expect(completed.reduce((a, b) => a + b, 0)).toBe(JOBS);
    expect(completed.filter((c) => c > 0).length).toBeGreaterThanOrEqual(2); // they really competed

    // Three upserts of one scheduler leave one scheduler: one run per period, not three.
    expect(await producer.get("shopify").getJobSchedulersCount()).toBe(1);
    expect(new Set(ticks.map((t) => t.jobId)).size).toBe(ticks.length);
    expect(ticks.length).toBeGreaterThanOrEqual(2);
    expect(ticks.length).toBeLessThanOrEqual(Math.ceil(window / TICK_EVERY_MS) + 2);
    // A scheduler job's id carries the time it was due ("repeat:<key>:<millis>"): one run per due time,
    // and due times a whole period apart (duplicate schedulers would fire at the same instants).
    const due = ticks.map((t) => Number(/^repeat:ops-tick:(\d+)$/.exec(t.jobId)?.[1])).sort((a, b) => a - b);
    expect(due.every(Number.isFinite)).toBe(true);
    const gaps = due.slice(1).map((t, i) => t - due[i]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(TICK_EVERY_MS);
  });

  it("keeps one scheduler per periodic app job however many workers start", async () => {
    const every = JOB_HANDLERS.filter((h) => h.every);
    expect(every.length).toBeGreaterThan(0);
    for (const node of nodes) {
      const w = await createWorker(
        { ...app.workerDeps, queues: node.queues },
        { queues: [], schedule: true },
      );
      await w.close();
    }
    for (const queue of QUEUE_NAMES) {
      const schedulers = await nodes[0]!.queues.get(queue).getJobSchedulers();
      const appNames = every.filter((h) => h.definition.queue === queue).map((h) => h.definition.name);
      expect(
        schedulers
          .map((s) => s.key)
          .filter((k) => k !== tickJob.name)
          .sort(),
      ).toEqual(appNames.sort());
    }
  });

  it("applies a changed period from the first worker that starts with it", async () => {
    const slower: JobHandler = { definition: tickJob, every: 2 * TICK_EVERY_MS, run: async () => undefined };
    const w = await createWorker(
      { ...app.workerDeps, queues: nodes[1]!.queues },
      { queues: [], handlers: [slower] },
    );
    await w.close();
    const scheduler = await nodes[2]!.queues.get("shopify").getJobScheduler(tickJob.name);
    expect(Number(scheduler?.every)).toBe(2 * TICK_EVERY_MS);
  });

  it.runIf(Boolean(redisUrl))("keeps every key of every queue in one Redis Cluster hash slot", async () => {
    const redis = new Redis(redisUrl!);
    try {
      const keys: string[] = [];
      let cursor = "0";
      do {
        const [next, batch] = await redis.scan(cursor, "MATCH", `*${prefix}*`, "COUNT", 1000);
        cursor = next;
        keys.push(...batch);
      } while (cursor !== "0");
      expect(keys.length).toBeGreaterThan(0);
      // Redis Cluster hashes only the text between the first "{" and the next "}".
      const tags = new Set(keys.map((k) => /\{([^}]*)\}/.exec(k)?.[1]));
      expect([...tags]).toEqual([prefix]);
      expect(keys.every((k) => k.startsWith(`{${prefix}}:`))).toBe(true);
      for (const queue of QUEUE_NAMES)
        expect(keys.some((k) => k.startsWith(`{${prefix}}:${queue}:`))).toBe(true);
    } finally {
      redis.disconnect();
    }
  });
});

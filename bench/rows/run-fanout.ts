import path from "node:path";
import { variantStockChangedJob } from "../../web/server/queues/definitions/variant-stock-changed.ts";
import type { Simulator } from "../../simulator/create-simulator.ts";
import { createBenchDeps, type BenchDeps } from "../env/create-bench-deps.ts";
import { forkChild, watchMemory, type Child } from "../proc/fork-child.ts";
import { seedShop, seedVariant } from "../seed/seed-shop.ts";
import { seedSubscribers } from "../seed/seed-subscribers.ts";
import type { SmtpSink } from "../smtp/start-smtp-sink.ts";
import type { BenchWorkerArg } from "../workers/bench-worker.ts";
import { clearQueues, firstJobError } from "./clear-queues.ts";
import type { BenchContext } from "./row-types.ts";

const WORKER = path.join(import.meta.dirname, "../workers/bench-worker.ts");

export type FanoutRun = {
  subscribers: number;
  workers: number;
  elapsedMs: number;
  msgPerSec: number;
  delivered: number;
  duplicates: number;
  distinctRecipients: number;
  sentRows: number;
  peakWorkerRssMb: number;
  timedOut: boolean;
  /** Why a stalled run stalled: the first failed job's reason. */
  jobError: string | undefined;
  shopId: string;
  restockEventId: string | null;
};

/**
 * One restock, waves off (multiplier 0: everyone in the first wave), no send-rate limit: from the
 * stock-changed job to the last message the sink accepted, with `workers` worker processes.
 */
export async function runFanout(
  ctx: BenchContext,
  input: {
    sim: Simulator;
    sink: SmtpSink;
    workers: number;
    subscribers: number;
    label: string;
    timeoutMs: number;
  },
): Promise<FanoutRun> {
  const deps = harnessDeps(ctx);
  const children: Child[] = [];
  try {
    const shop = await seedShop(deps, {
      name: `bench-fanout-${input.label}`,
      sim: input.sim,
      settings: { waveMultiplier: 0, sendRatePerSecond: 0, restockThreshold: 0 },
    });
    const variant = await seedVariant(deps, input.sim, shop, { title: `Fan-out ${input.label}`, stock: 0 });
    await seedSubscribers(deps.db, {
      shopId: shop.id,
      variantId: variant.variantId,
      count: input.subscribers,
      prefix: `f${input.label}`,
    });
    input.sim.setInventory(shop.domain, variant.inventoryItemId, shop.locationId!, 50);
    children.push(...(await startWorkers(ctx, input.sim, input.sink, input.workers)));
    const memory = watchMemory(() => children);
    input.sink.reset();
    const t0 = performance.now();
    await deps.queues.enqueue(variantStockChangedJob, {
      shopId: shop.id,
      variantId: String(variant.variantId),
    });
    const complete = await input.sink.waitFor(input.subscribers, input.timeoutMs);
    const elapsedMs = (complete ? input.sink.lastAt : performance.now()) - t0;
    // A late duplicate (a resend after a lost claim) would arrive after the last first delivery.
    await new Promise((r) => setTimeout(r, 1_000));
    const peakWorkerRssMb = memory.stop();
    const event = await deps.db.restockEvent.findFirst({ where: { shopId: shop.id }, select: { id: true } });
    const sentRows = await deps.db.notification.count({ where: { shopId: shop.id, status: "SENT" } });
    // One snapshot of the sink: in a bounded run deliveries go on while the rest is read.
    const delivered = input.sink.received;
    const duplicates = input.sink.duplicates;
    const distinctRecipients = input.sink.distinctRecipients;
    const jobError = await firstJobError(deps);
    return {
      subscribers: input.subscribers,
      workers: input.workers,
      elapsedMs,
      msgPerSec: (Math.min(delivered, input.subscribers) / elapsedMs) * 1000,
      delivered,
      duplicates,
      distinctRecipients,
      sentRows,
      peakWorkerRssMb,
      timedOut: !complete,
      jobError,
      shopId: shop.id,
      restockEventId: event?.id ?? null,
    };
  } finally {
    await Promise.all(children.map((c) => c.stop()));
    await clearQueues(deps);
    await deps.close();
  }
}

export function harnessDeps(ctx: BenchContext, extra: Record<string, string> = {}): BenchDeps {
  return createBenchDeps({
    env: ctx.env.appEnv(extra),
    databaseUrl: ctx.env.databaseUrl,
    prefix: ctx.env.prefix,
    poolSize: 3,
  });
}

export async function startWorkers(
  ctx: BenchContext,
  sim: Simulator,
  sink: SmtpSink | null,
  count: number,
  opts: Partial<Pick<BenchWorkerArg, "queues" | "concurrency">> = {},
): Promise<Child[]> {
  const arg: BenchWorkerArg = {
    env: ctx.env.appEnv({ SHOPIFY_ADMIN_ORIGIN: sim.origin, ...(sink ? { SMTP_URL: sink.url } : {}) }),
    databaseUrl: ctx.env.databaseUrl,
    prefix: ctx.env.prefix,
    poolSize: 8,
    mailConnections: 5,
    concurrency: opts.concurrency ?? ctx.sizes.workerConcurrency,
    ...(opts.queues ? { queues: opts.queues } : {}),
  };
  // As `npm run worker` starts it: V8 otherwise grows the young generation to 128 MB under the
  // fan-out's allocation rate, RSS that is garbage waiting for a scavenge (heap used stays < 100 MB).
  const execArgv = [...ctx.execArgv, "--max-semi-space-size=16"];
  return Promise.all(Array.from({ length: count }, () => forkChild(WORKER, arg, { execArgv })));
}

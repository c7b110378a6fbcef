import crypto from "node:crypto";
import path from "node:path";
import type { RequestTemplate } from "../load/load-spec.ts";
import { orderCreatePayload } from "../payloads/order-create-payload.ts";
import { BENCH_API_SECRET } from "../env/start-bench-env.ts";
import { forkChild } from "../proc/fork-child.ts";
import { clearQueues } from "./clear-queues.ts";
import { compareHttp, failures } from "./compare-http.ts";
import { harnessDeps } from "./run-fanout.ts";
import { fmt, type BenchContext, type BenchRow } from "./row-types.ts";

const NAME = "webhooks";
const TARGET = ">= 0.6 of baseline req/s; p99 <= 25 ms at 1,000 req/s";
const MIN_RATIO = 0.6;
const SHOP = "bench-webhooks.myshopify.com";

/** POST /webhooks (verify + record + enqueue) against an Express 5 route that only verifies. */
export const webhooksRow: BenchRow = {
  name: NAME,
  async run(ctx) {
    const templates = orderCreateRequests(200);
    const bodyBytes = Buffer.byteLength(templates[0]!.body ?? "");
    ctx.log(`  orders/create bodies of ${bodyBytes} bytes (bench/payloads/order-create-payload.ts)`);
    const depsArg = { env: ctx.env.appEnv(), databaseUrl: ctx.env.databaseUrl, prefix: ctx.env.prefix };
    const ours = await forkChild<{ port: number }>(
      path.join(import.meta.dirname, "../servers/serve-app.ts"),
      depsArg,
      {
        execArgv: ctx.execArgv,
      },
    );
    const baseline = await forkChild<{ port: number }>(
      path.join(import.meta.dirname, "../servers/serve-baseline.ts"),
      {
        kind: "webhook-hmac",
        secrets: [BENCH_API_SECRET],
      },
    );
    try {
      const c = await compareHttp(
        {
          url: `http://127.0.0.1:${ours.ready.port}`,
          templates: () => templates,
          uniqueHeader: "X-Shopify-Event-Id",
        },
        {
          url: `http://127.0.0.1:${baseline.ready.port}`,
          templates: () => templates,
          uniqueHeader: "X-Shopify-Event-Id",
        },
        ctx.sizes,
        ctx.log,
      );
      const ratio = c.oursRps / c.baselineRps;
      const p99 = c.oursFixed.latency.p99;
      const failed = failures(c);
      const pass = ratio >= MIN_RATIO && p99 <= 25 && failed.ours === 0;
      return {
        name: NAME,
        ours: `${fmt(c.oursRps)} req/s; p99 ${fmt(p99, 1)} ms at ${fmt(ctx.sizes.fixedRate)}/s`,
        baseline: `${fmt(c.baselineRps)} req/s; p99 ${fmt(c.baselineFixed.latency.p99, 1)} ms`,
        ratio,
        target: TARGET,
        pass,
        notes: [
          `orders/create bodies of ${fmt(bodyBytes)} bytes, ${ctx.sizes.httpConnections} connections, ${ctx.sizes.httpRounds} alternating rounds of ${ctx.sizes.httpRoundMs / 1000} s`,
          ...(failed.ours > 0 ? [`${failed.ours} of our requests failed (${failed.first})`] : []),
        ],
        data: { ...c },
      };
    } finally {
      await Promise.all([ours.stop(), baseline.stop()]);
      await discardStoredDeliveries(ctx);
    }
  },
};

/**
 * Removes what the row stored and enqueued (tens of thousands of 16 KB orders and their jobs):
 * left behind, they would be processed by the next row's workers (every row's workers take every
 * queue, and the webhook sweeper re-enqueues stored rows), which then measure this backlog too.
 */
async function discardStoredDeliveries(ctx: BenchContext): Promise<void> {
  const deps = harnessDeps(ctx);
  try {
    await clearQueues(deps);
    const { count } = await deps.db.webhookEvent.deleteMany({});
    ctx.log(`  discarded the ${fmt(count)} stored deliveries and their jobs`);
  } finally {
    await deps.close();
  }
}

/** `count` distinct generated orders, each signed like Shopify signs it. */
export function orderCreateRequests(count: number): RequestTemplate[] {
  return Array.from({ length: count }, (_, i) => {
    const body = orderCreatePayload(i, SHOP);
    return {
      method: "POST",
      path: "/webhooks",
      headers: {
        "Content-Type": "application/json",
        "X-Shopify-Topic": "orders/create",
        "X-Shopify-Hmac-Sha256": crypto.createHmac("sha256", BENCH_API_SECRET).update(body).digest("base64"),
        "X-Shopify-Shop-Domain": SHOP,
        "X-Shopify-API-Version": "2026-07",
        "X-Shopify-Webhook-Id": crypto.randomUUID(),
        "X-Shopify-Triggered-At": new Date().toISOString(),
      },
      body,
    };
  });
}

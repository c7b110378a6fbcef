import path from "node:path";
import pg from "pg";
import { BENCH_API_SECRET } from "../env/start-bench-env.ts";
import { runLoad } from "../load/run-load.ts";
import type { LoadSpec } from "../load/load-spec.ts";
import { forkChild } from "../proc/fork-child.ts";
import type { IngressFloorArg } from "../servers/serve-ingress-floor.ts";
import { fmt, median, type BenchRow } from "./row-types.ts";
import { orderCreateRequests } from "./webhooks-row.ts";

const NAME = "webhooks-floor";
const TABLE = "BenchIngressFloor";

/**
 * Reference, not a target: the least a durable ingress does (serve-ingress-floor.ts) against the
 * webhooks row's baseline, with the same bodies and load. It says how much of the HMAC-only route's
 * rate any ingress that stores the body before answering can keep on this machine, and how much
 * of that the body alone costs (the same server storing the row without it).
 */
export const webhooksFloorRow: BenchRow = {
  name: NAME,
  async run(ctx) {
    const db = new pg.Client({ connectionString: ctx.env.databaseUrl });
    await db.connect();
    await db.query(
      `DROP TABLE IF EXISTS "${TABLE}"; CREATE TABLE "${TABLE}" (LIKE "WebhookEvent" INCLUDING ALL)`,
    );
    const templates = orderCreateRequests(200);
    const floor = (withBody: boolean) =>
      forkChild<{ port: number }>(path.join(import.meta.dirname, "../servers/serve-ingress-floor.ts"), {
        databaseUrl: ctx.env.databaseUrl,
        table: TABLE,
        secrets: [BENCH_API_SECRET],
        withBody,
      } satisfies IngressFloorArg);
    const servers = {
      body: await floor(true),
      noBody: await floor(false),
      baseline: await forkChild<{ port: number }>(
        path.join(import.meta.dirname, "../servers/serve-baseline.ts"),
        {
          kind: "webhook-hmac",
          secrets: [BENCH_API_SECRET],
        },
      ),
    };
    const spec = (port: number, durationMs: number): LoadSpec => ({
      url: `http://127.0.0.1:${port}`,
      templates,
      uniqueHeader: "X-Shopify-Event-Id",
      durationMs,
      warmupMs: ctx.sizes.httpWarmupMs,
      mode: { kind: "closed", connections: ctx.sizes.httpConnections },
    });
    try {
      for (const s of Object.values(servers)) await runLoad(spec(s.ready.port, ctx.sizes.httpWarmupMs * 2));
      const rps = { body: [] as number[], noBody: [] as number[], baseline: [] as number[] };
      let failed = 0;
      for (let round = 1; round <= ctx.sizes.httpRounds; round++) {
        for (const key of ["body", "noBody", "baseline"] as const) {
          const r = await runLoad(spec(servers[key].ready.port, ctx.sizes.httpRoundMs));
          rps[key].push(r.rps);
          failed += r.failed + r.errors;
        }
        ctx.log(
          `  round ${round}: stores the body ${Math.round(rps.body.at(-1)!)} req/s, without it ${Math.round(rps.noBody.at(-1)!)}, baseline ${Math.round(rps.baseline.at(-1)!)}`,
        );
      }
      const ratios = rps.body.map((b, i) => b / rps.baseline[i]!);
      const ratio = median(rps.body) / median(rps.baseline);
      const noBodyRatio = median(rps.noBody) / median(rps.baseline);
      return {
        name: NAME,
        ours: `floor ${fmt(median(rps.body))} req/s storing the body; ${fmt(median(rps.noBody))} req/s without it (${fmt(noBodyRatio, 2)})`,
        baseline: `${fmt(median(rps.baseline))} req/s`,
        ratio,
        target: "reference: what any ingress that stores the body before answering keeps of the baseline",
        pass: null,
        notes: [
          `bare node:http, HMAC, one multi-row INSERT per batch (2 in flight) into a copy of WebhookEvent; no express, queue or metrics (servers/serve-ingress-floor.ts)`,
          `per-round ratios storing the body: ${ratios.map((r) => fmt(r, 2)).join(", ")}${failed > 0 ? `; ${failed} requests failed` : ""}`,
        ],
        data: { rps, ratios, noBodyRatio, failed },
      };
    } finally {
      await Promise.all(Object.values(servers).map((s) => s.stop()));
      await db.query(`DROP TABLE IF EXISTS "${TABLE}"`);
      await db.end();
    }
  },
};

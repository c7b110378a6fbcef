import path from "node:path";
import type { RequestTemplate } from "../load/load-spec.ts";
import { createBenchDeps } from "../env/create-bench-deps.ts";
import { BENCH_API_SECRET } from "../env/start-bench-env.ts";
import { forkChild } from "../proc/fork-child.ts";
import { seedShop } from "../seed/seed-shop.ts";
import { signProxyParams } from "../../web/server/proxy/verify-proxy-signature.ts";
import { compareHttp, failures } from "./compare-http.ts";
import { fmt, type BenchRow } from "./row-types.ts";

const NAME = "eta-read";
const TARGET = ">= 0.8 of baseline req/s; p99 <= 20 ms at 1,000 req/s";
const VARIANTS = 300;
const DISTINCT_REQUESTS = 200;

/** GET /proxy/eta (signature, shop, ETA rows, cache) against an Express 5 route answering the same JSON. */
export const etaReadRow: BenchRow = {
  name: NAME,
  async run(ctx) {
    const deps = createBenchDeps({
      env: ctx.env.appEnv(),
      databaseUrl: ctx.env.databaseUrl,
      prefix: ctx.env.prefix,
      poolSize: 2,
    });
    let domain: string;
    try {
      const shop = await seedShop(deps, { name: "bench-eta", settings: { defaultLeadTimeDays: 14 } });
      domain = shop.domain;
      await seedEtaVariants(deps, shop.id);
    } finally {
      await deps.close();
    }
    const templates = () => signedRequests(domain);
    const ours = await forkChild<{ port: number }>(
      path.join(import.meta.dirname, "../servers/serve-app.ts"),
      {
        // The load generator is one client of one shop: the limits stay on (their counters are part
        // of the cost measured) but far above the load, or the row would measure 429s.
        env: ctx.env.appEnv({
          PROXY_ETA_LIMIT_PER_CLIENT_PER_MINUTE: "1000000000",
          PROXY_ETA_LIMIT_PER_SHOP_PER_MINUTE: "1000000000",
        }),
        databaseUrl: ctx.env.databaseUrl,
        prefix: ctx.env.prefix,
      },
      { execArgv: ctx.execArgv },
    );
    const oursUrl = `http://127.0.0.1:${ours.ready.port}`;
    const sample = await fetch(`${oursUrl}${templates()[0]!.path}`);
    const body = await sample.text();
    if (sample.status !== 200) {
      await ours.stop();
      throw new Error(`GET /proxy/eta answered ${sample.status}: ${body.slice(0, 200)}`);
    }
    const baseline = await forkChild<{ port: number }>(
      path.join(import.meta.dirname, "../servers/serve-baseline.ts"),
      {
        kind: "json-constant",
        path: "/proxy/eta",
        body,
      },
    );
    try {
      const c = await compareHttp(
        { url: oursUrl, templates },
        { url: `http://127.0.0.1:${baseline.ready.port}`, templates },
        ctx.sizes,
        ctx.log,
      );
      const ratio = c.oursRps / c.baselineRps;
      const p99 = c.oursFixed.latency.p99;
      const failed = failures(c);
      return {
        name: NAME,
        ours: `${fmt(c.oursRps)} req/s; p99 ${fmt(p99, 1)} ms at ${fmt(ctx.sizes.fixedRate)}/s`,
        baseline: `${fmt(c.baselineRps)} req/s; p99 ${fmt(c.baselineFixed.latency.p99, 1)} ms`,
        ratio,
        target: TARGET,
        pass: ratio >= 0.8 && p99 <= 20 && failed.ours === 0,
        notes: [
          `${DISTINCT_REQUESTS} distinct signed URLs of 3 variants each (of ${VARIANTS}), body ${body.length} bytes; ${ctx.sizes.httpConnections} connections`,
          ...(failed.ours > 0 ? [`${failed.ours} of our requests failed (${failed.first})`] : []),
        ],
        data: { ...c },
      };
    } finally {
      await Promise.all([ours.stop(), baseline.stop()]);
    }
  },
};

async function seedEtaVariants(deps: ReturnType<typeof createBenchDeps>, shopId: string): Promise<void> {
  const ids = Array.from({ length: VARIANTS }, (_, i) => 44_000_000_000_000n + BigInt(i));
  await deps.db.variant.createMany({
    data: ids.map((variantId, i) => ({
      shopId,
      variantId,
      productId: 8_000_000_000_000n + BigInt(Math.floor(i / 3)),
      title: `Size ${i % 3}`,
      inventoryPolicy: "CONTINUE",
      // A third in stock, a third backordered with an ETA, a third backordered on the lead time.
      available: i % 3 === 0 ? 5 : -2,
    })),
  });
  const soon = new Date(Date.now() + 20 * 86_400_000);
  await deps.db.variantEta.createMany({
    data: ids
      .filter((_, i) => i % 3 === 1)
      .map((variantId) => ({ shopId, variantId, etaDate: soon, message: "Ships from our next batch" })),
  });
}

/** Signed like Shopify's app proxy signs them, with a fresh timestamp (the check allows 90 s). */
function signedRequests(shop: string): RequestTemplate[] {
  const timestamp = String(Math.floor(Date.now() / 1000));
  return Array.from({ length: DISTINCT_REQUESTS }, (_, i) => {
    const first = (i * 3) % VARIANTS;
    const ids = [0, 1, 2].map((k) => String(44_000_000_000_000n + BigInt((first + k) % VARIANTS)));
    const params = new URLSearchParams({
      shop,
      logged_in_customer_id: "",
      path_prefix: "/apps/backorder",
      timestamp,
      variant_ids: ids.join(","),
    });
    params.set("signature", signProxyParams(params, BENCH_API_SECRET));
    return {
      method: "GET",
      path: `/proxy/eta?${params.toString()}`,
      headers: { Accept: "application/json" },
    };
  });
}

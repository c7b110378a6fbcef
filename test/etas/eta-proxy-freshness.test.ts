import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyEtaChanges } from "../../web/server/etas/apply-eta-changes.ts";
import { enqueueEtaMetafieldSync } from "../../web/server/etas/enqueue-eta-jobs.ts";
import { proxyEtaHandlers } from "../../web/server/etas/eta-proxy-routes.ts";
import { createProxyEtaParts } from "../../web/server/etas/proxy-eta-answer.ts";
import { createProxyEtaCache } from "../../web/server/etas/proxy-eta-cache.ts";
import {
  createProxyShopContextReader,
  PROXY_CONTEXT_TTL_MS,
} from "../../web/server/etas/read-proxy-shop-context.ts";
import { errorMiddleware } from "../../web/server/errors.ts";
import { requireProxySignature } from "../../web/server/proxy/require-proxy-signature.ts";
import { signProxyParams } from "../../web/server/proxy/verify-proxy-signature.ts";
import { isoDaysFromToday as addDays } from "../helpers/future-date.ts";
import { startTestApp, TEST_API_SECRET, type TestApp } from "../helpers/start-test-app.ts";

const SHOP_A = "fresh-a.myshopify.com";
const SHOP_B = "fresh-b.myshopify.com";
// The same variant id in both shops (ids are per shop in our tables), above 2^53.
const V = 9_007_199_254_740_993n;
const W = 9_007_199_254_740_995n;

type Answer = { status: number; variants?: { id: string; eta: string | null; backordered: boolean }[] };

/**
 * GET /proxy/eta with its caches on a clock the test moves (no sleeping): what another process
 * changes in the database shows once the context TTL has passed, and each shop gets its own answer.
 */
describe("GET /proxy/eta freshness and isolation", () => {
  let app: TestApp;
  let server: Server;
  let base: string;
  let clock = 1_000_000; // lru-cache reads a start time of 0 as "no TTL"
  const shopIds: Record<string, string> = {};

  beforeAll(async () => {
    app = await startTestApp();
    for (const [domain, days] of [
      [SHOP_A, 7],
      [SHOP_B, 30],
    ] as const) {
      const shop = await app.deps.db.shop.create({
        data: { domain, timezone: "UTC", settings: { create: { defaultLeadTimeDays: days } } },
      });
      shopIds[domain] = shop.id;
      await app.deps.db.variant.createMany({
        data: [
          { shopId: shop.id, variantId: V, productId: 1n, inventoryPolicy: "CONTINUE", available: -2 },
          { shopId: shop.id, variantId: W, productId: 1n, inventoryPolicy: "CONTINUE", available: 4 },
        ],
      });
    }
    const perf = { now: () => clock };
    const web = express()
      .get(
        "/proxy/eta",
        requireProxySignature(app.deps),
        ...proxyEtaHandlers(
          app.deps,
          createProxyEtaParts(app.deps, {
            answers: createProxyEtaCache({ perf }),
            contexts: createProxyShopContextReader(app.deps.sql, { perf }),
          }),
        ),
      )
      .use(errorMiddleware(app.deps.logger));
    server = web.listen(0, "127.0.0.1");
    await new Promise((r) => server.once("listening", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise((r) => server?.close(r));
    await app?.close();
  });

  const read = async (shop: string, ids = `${V},${W}`): Promise<Answer> => {
    const query = {
      shop,
      logged_in_customer_id: "",
      path_prefix: "/apps/backorder",
      timestamp: String(Math.floor(Date.now() / 1000)),
      variant_ids: ids,
    };
    const search = new URLSearchParams({ ...query, signature: signProxyParams(query, TEST_API_SECRET) });
    const res = await fetch(`${base}/proxy/eta?${search}`);
    return { status: res.status, ...((await res.json()) as object) };
  };
  const pastTtl = () => {
    clock += PROXY_CONTEXT_TTL_MS + 1;
  };

  it("keeps its promise of 5 s", () => {
    expect(PROXY_CONTEXT_TTL_MS).toBeLessThanOrEqual(5_000);
  });

  it("serves an ETA change and a stock change once the context TTL has passed", async () => {
    const shopId = shopIds[SHOP_A]!;
    await applyEtaChanges(app.deps, shopId, [{ variantId: V, eta: addDays(10) }], "manual", new Date());
    pastTtl();
    expect((await read(SHOP_A)).variants?.[0]?.eta).toBe(addDays(10));

    await applyEtaChanges(app.deps, shopId, [{ variantId: V, eta: addDays(20) }], "manual", new Date());
    await app.deps.db.variant.update({
      where: { shopId_variantId: { shopId, variantId: W } },
      data: { available: -1 },
    });
    await enqueueEtaMetafieldSync(app.deps, shopId); // the stock path announces its change so
    pastTtl();
    const after = await read(SHOP_A);
    expect(after.variants?.[0]?.eta).toBe(addDays(20));
    expect(after.variants?.[1]?.backordered).toBe(true);
  });

  it("serves a settings change once the context TTL has passed", async () => {
    pastTtl();
    const before = await read(SHOP_B, String(W));
    await app.deps.db.shopSettings.update({
      where: { shopId: shopIds[SHOP_B]! },
      data: { defaultLeadTimeDays: 12 },
    });
    expect(before.variants?.[0]?.eta).toBe(addDays(30));
    pastTtl();
    expect((await read(SHOP_B, String(W))).variants?.[0]?.eta).toBe(addDays(12));
  });

  it("never answers one shop with another's cached answer for the same variant set", async () => {
    await app.deps.db.shop.updateMany({
      where: { id: { in: Object.values(shopIds) } },
      data: { etaVersion: 77 },
    });
    await applyEtaChanges(
      app.deps,
      shopIds[SHOP_B]!,
      [{ variantId: V, eta: addDays(40) }],
      "manual",
      new Date(),
    );
    await app.deps.db.shop.updateMany({
      where: { id: { in: Object.values(shopIds) } },
      data: { etaVersion: 77 },
    });
    pastTtl();
    const a = await read(SHOP_A);
    const b = await read(SHOP_B);
    const a2 = await read(SHOP_A);
    expect(a.variants?.[0]?.eta).toBe(addDays(20));
    expect(b.variants?.[0]?.eta).toBe(addDays(40));
    expect(a2).toEqual(a);
  });

  it("answers 404 once an uninstall is past the context TTL", async () => {
    pastTtl();
    expect((await read(SHOP_B)).status).toBe(200);
    await app.deps.db.shop.update({ where: { id: shopIds[SHOP_B]! }, data: { uninstalledAt: new Date() } });
    pastTtl();
    expect((await read(SHOP_B)).status).toBe(404);
  });
});

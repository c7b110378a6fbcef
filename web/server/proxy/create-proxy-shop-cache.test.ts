import { describe, expect, it } from "vitest";
import type { SqlPool } from "../db/create-sql-pool.ts";
import { createProxyShopCache } from "./create-proxy-shop-cache.ts";

type ShopRow = { id: string; domain: string; uninstalled: boolean };

/** A stand-in pool answering from `shops`, counting queries; `fail` makes the next query reject. */
function fakePool(shops: Map<string, ShopRow>) {
  const state = { queries: 0, fail: false };
  const pool = {
    query: async (q: { values: [string] }) => {
      state.queries += 1;
      await new Promise((resolve) => setImmediate(resolve));
      if (state.fail) throw new Error("connection refused");
      const row = shops.get(q.values[0]);
      return { rows: row ? [row] : [] };
    },
  } as unknown as SqlPool;
  return { pool, state };
}

const A = "a.myshopify.com";
const B = "b.myshopify.com";

describe("createProxyShopCache", () => {
  it("queries once per domain within the TTL, concurrent misses included, and again after it", async () => {
    const shops = new Map([[A, { id: "shop-a", domain: A, uninstalled: false }]]);
    const { pool, state } = fakePool(shops);
    let now = 0;
    const cache = createProxyShopCache(pool, { ttlMs: 5_000, now: () => now });
    const first = await Promise.all([cache.get(A), cache.get(A)]);
    expect(first).toEqual([
      { id: "shop-a", domain: A },
      { id: "shop-a", domain: A },
    ]);
    now = 4_999;
    await cache.get(A);
    expect(state.queries).toBe(1);
    now = 5_000;
    await cache.get(A);
    expect(state.queries).toBe(2);
  });

  it.each([
    ["uninstalled", { id: "shop-a", domain: A, uninstalled: true }],
    ["unknown", undefined],
  ])("answers null for an %s shop and does not cache that", async (_name, row) => {
    const shops = new Map<string, ShopRow>(row ? [[A, row]] : []);
    const { pool, state } = fakePool(shops);
    const cache = createProxyShopCache(pool, { now: () => 0 });
    expect(await cache.get(A)).toBeNull();
    shops.set(A, { id: "shop-a", domain: A, uninstalled: false }); // (re)installed
    expect(await cache.get(A)).toEqual({ id: "shop-a", domain: A });
    expect(state.queries).toBe(2);
  });

  it("stops serving a shop uninstalled meanwhile once its entry expires", async () => {
    const shops = new Map([[A, { id: "shop-a", domain: A, uninstalled: false }]]);
    const { pool } = fakePool(shops);
    let now = 0;
    const cache = createProxyShopCache(pool, { ttlMs: 5_000, now: () => now });
    expect(await cache.get(A)).not.toBeNull();
    shops.set(A, { id: "shop-a", domain: A, uninstalled: true });
    now = 5_000;
    expect(await cache.get(A)).toBeNull();
    expect(cache.size).toBe(0);
  });

  it("rejects when the database fails, caching nothing, and keeps at most maxEntries", async () => {
    const shops = new Map([
      [A, { id: "shop-a", domain: A, uninstalled: false }],
      [B, { id: "shop-b", domain: B, uninstalled: false }],
    ]);
    const { pool, state } = fakePool(shops);
    const cache = createProxyShopCache(pool, { maxEntries: 1, now: () => 0 });
    state.fail = true;
    await expect(cache.get(A)).rejects.toThrow("connection refused");
    state.fail = false;
    await cache.get(A);
    await cache.get(B);
    expect(cache.size).toBe(1);
    await cache.get(B);
    expect(state.queries).toBe(3); // B from the cache, A evicted
    await cache.get(A);
    expect(state.queries).toBe(4);
  });
});

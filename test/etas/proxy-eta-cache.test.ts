import { describe, expect, it } from "vitest";
import { createProxyEtaCache } from "../../web/server/etas/proxy-eta-cache.ts";

describe("createProxyEtaCache", () => {
  const body = (n: number) => ({ body: `{"n":${n}}`, bytes: 7, etag: `"${n}"` });

  it("expires entries after the TTL", () => {
    let now = 1_000_000; // lru-cache reads a start time of 0 as "no TTL"
    const cache = createProxyEtaCache({ ttlMs: 1_000, perf: { now: () => now } });
    cache.set("a", body(1));
    now = 1_000_999;
    expect(cache.get("a")).toEqual(body(1));
    now = 1_001_001;
    expect(cache.get("a")).toBeUndefined();
  });

  it("is bounded: beyond its size the least recently used entry goes", () => {
    const cache = createProxyEtaCache({ maxEntries: 2 });
    cache.set("a", body(1));
    cache.set("b", body(2));
    cache.get("a"); // a is now the most recently used
    cache.set("c", body(3));
    expect([cache.get("a"), cache.get("b"), cache.get("c")]).toEqual([body(1), undefined, body(3)]);
    for (let i = 0; i < 100; i++) cache.set(`k${i}`, body(i));
    expect(cache.size).toBe(2);
  });
});

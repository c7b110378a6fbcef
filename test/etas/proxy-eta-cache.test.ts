import { describe, expect, it } from "vitest";
import { createProxyEtaCache } from "../../web/server/etas/proxy-eta-cache.ts";

describe("createProxyEtaCache", () => {
  const body = (n: number) => ({ body: `{"n":${n}}`, etag: `"${n}"` });

  it("expires entries after the TTL", () => {
    let now = 0;
    const cache = createProxyEtaCache({ ttlMs: 1_000, now: () => now });
    cache.set("a", body(1));
    now = 999;
    expect(cache.get("a")).toEqual(body(1));
    now = 1_000;
    expect(cache.get("a")).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it("evicts the least recently used entry beyond its size", () => {
    const cache = createProxyEtaCache({ maxEntries: 2 });
    cache.set("a", body(1));
    cache.set("b", body(2));
    cache.get("a"); // a is now the most recently used
    cache.set("c", body(3));
    expect([cache.get("a"), cache.get("b"), cache.get("c")]).toEqual([body(1), undefined, body(3)]);
  });
});

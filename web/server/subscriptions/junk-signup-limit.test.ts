import { describe, expect, it } from "vitest";
import type { HitCounter } from "../limits/create-hit-counter.ts";
import { createJunkSignupLimiter } from "./junk-signup-limit.ts";

describe("createJunkSignupLimiter", () => {
  it("allows `limit` junk hits per shop and address per window, then answers how long to wait", async () => {
    let now = 0;
    const junk = createJunkSignupLimiter({ limit: 3, windowSeconds: 60, now: () => now });
    for (let i = 0; i < 3; i++) expect(await junk.hit("shop-a", "198.51.100.1")).toEqual({ ok: true });
    now = 15_500;
    expect(await junk.hit("shop-a", "198.51.100.1")).toEqual({ ok: false, retryAfterSeconds: 45 });
    // Other addresses and other shops have their own counts.
    expect(await junk.hit("shop-a", "198.51.100.2")).toEqual({ ok: true });
    expect(await junk.hit("shop-b", "198.51.100.1")).toEqual({ ok: true });
    now = 60_000;
    expect(await junk.hit("shop-a", "198.51.100.1")).toEqual({ ok: true });
  });

  it("keeps at most maxKeys counters, forgetting the least recently used", async () => {
    const junk = createJunkSignupLimiter({ limit: 1, maxKeys: 2, now: () => 0 });
    await junk.hit("s", "a");
    await junk.hit("s", "b");
    await junk.hit("s", "c"); // "a" forgotten
    expect(await junk.hit("s", "a")).toEqual({ ok: true });
    expect(await junk.hit("s", "c")).toEqual({ ok: false, retryAfterSeconds: 60 });
  });

  it("with a shared counter, two processes spend one allowance between them", async () => {
    const counts = new Map<string, number>();
    const keys: string[] = [];
    const shared: HitCounter = async (key) => {
      keys.push(key);
      counts.set(key, (counts.get(key) ?? 0) + 1);
      return { count: counts.get(key)!, msUntilWindowEnd: 42_000 };
    };
    const a = createJunkSignupLimiter({ limit: 4, shared });
    const b = createJunkSignupLimiter({ limit: 4, shared });
    for (let i = 0; i < 2; i++) {
      expect(await a.hit("shop-a", "198.51.100.1")).toEqual({ ok: true });
      expect(await b.hit("shop-a", "198.51.100.1")).toEqual({ ok: true });
    }
    expect(await a.hit("shop-a", "198.51.100.1")).toEqual({ ok: false, retryAfterSeconds: 42 });
    expect(await b.hit("shop-a", "198.51.100.1")).toEqual({ ok: false, retryAfterSeconds: 42 });
    expect(new Set(keys)).toEqual(new Set(["junk:shop-a:198.51.100.1"]));
  });

  it("counts in its own memory while the shared counter cannot answer", async () => {
    const junk = createJunkSignupLimiter({ limit: 1, now: () => 0, shared: async () => null });
    expect(await junk.hit("s", "a")).toEqual({ ok: true });
    expect(await junk.hit("s", "a")).toEqual({ ok: false, retryAfterSeconds: 60 });
  });
});

import { describe, expect, it } from "vitest";
import { createJunkSignupLimiter } from "./junk-signup-limit.ts";

describe("createJunkSignupLimiter", () => {
  it("allows `limit` junk hits per shop and address per window, then answers how long to wait", () => {
    let now = 0;
    const junk = createJunkSignupLimiter({ limit: 3, windowSeconds: 60, now: () => now });
    for (let i = 0; i < 3; i++) expect(junk.hit("shop-a", "198.51.100.1")).toEqual({ ok: true });
    now = 15_500;
    expect(junk.hit("shop-a", "198.51.100.1")).toEqual({ ok: false, retryAfterSeconds: 45 });
    // Other addresses and other shops have their own counts.
    expect(junk.hit("shop-a", "198.51.100.2")).toEqual({ ok: true });
    expect(junk.hit("shop-b", "198.51.100.1")).toEqual({ ok: true });
    now = 60_000;
    expect(junk.hit("shop-a", "198.51.100.1")).toEqual({ ok: true });
  });

  it("keeps at most maxKeys counters, forgetting the least recently used", () => {
    const junk = createJunkSignupLimiter({ limit: 1, maxKeys: 2, now: () => 0 });
    junk.hit("s", "a");
    junk.hit("s", "b");
    junk.hit("s", "c"); // "a" forgotten
    expect(junk.hit("s", "a")).toEqual({ ok: true });
    expect(junk.hit("s", "c")).toEqual({ ok: false, retryAfterSeconds: 60 });
  });
});

import { describe, expect, it } from "vitest";
import { MAX_WEB_CONCURRENCY, parseWebConcurrency } from "./web-concurrency.ts";

describe("parseWebConcurrency", () => {
  it("is one process when unset or empty", () => {
    expect(parseWebConcurrency(undefined, 8)).toEqual({ ok: true, processes: 1 });
    expect(parseWebConcurrency("  ", 8)).toEqual({ ok: true, processes: 1 });
  });

  it("takes a whole number", () => {
    expect(parseWebConcurrency("3", 8)).toEqual({ ok: true, processes: 3 });
    expect(parseWebConcurrency(" 2 ", 1)).toEqual({ ok: true, processes: 2 });
  });

  it("is one per core for auto, within the cap", () => {
    expect(parseWebConcurrency("auto", 2)).toEqual({ ok: true, processes: 2 });
    expect(parseWebConcurrency("AUTO", 0)).toEqual({ ok: true, processes: 1 });
    expect(parseWebConcurrency("auto", 512)).toEqual({ ok: true, processes: MAX_WEB_CONCURRENCY });
  });

  it.each(["0", "-1", "1.5", "two", "65", "1e1"])("refuses %j with a message naming the variable", (v) => {
    const result = parseWebConcurrency(v, 4);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain("WEB_CONCURRENCY");
  });
});

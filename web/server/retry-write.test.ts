import { describe, expect, it } from "vitest";
import { retryWrite } from "./retry-write.ts";

describe("retryWrite", () => {
  it.each([
    { failures: 0, forMs: 1_000, result: "ok" },
    { failures: 2, forMs: 1_000, result: "ok" },
    { failures: 50, forMs: 300, result: "down" },
  ])("$failures failures within $forMs ms -> $result", async ({ failures, forMs, result }) => {
    let calls = 0;
    const write = async () => {
      calls += 1;
      if (calls <= failures) throw new Error("down");
      return "ok";
    };
    const outcome = await retryWrite(write, { forMs }).catch((error: Error) => error.message);
    expect(outcome).toBe(result);
    if (result === "ok") expect(calls).toBe(failures + 1);
  });
});

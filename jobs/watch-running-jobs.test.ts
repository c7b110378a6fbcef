import { afterEach, describe, expect, it, vi } from "vitest";
import { watchRunningJobs } from "./watch-running-jobs.ts";

afterEach(() => {
  vi.useRealTimers();
});

describe("watchRunningJobs", () => {
  it("lists a job running past the threshold, and forgets it once finished", () => {
    const watch = watchRunningJobs({ warn: () => undefined }, { longMs: 1_000 });
    const t0 = Date.now();
    const finishA = watch.start({ queue: "email", name: "send-notification", id: "a" });
    watch.start({ queue: "events", name: "notify-order", id: "b" });
    expect(watch.overdue(t0 + 500)).toEqual([]);
    expect(watch.overdue(t0 + 5_000).map((j) => j.id)).toEqual(["a", "b"]);
    finishA();
    expect(watch.overdue(t0 + 5_000).map((j) => [j.queue, j.name, j.id])).toEqual([
      ["events", "notify-order", "b"],
    ]);
    watch.close();
  });

  it("warns on its own period with the overdue jobs by name and id", () => {
    vi.useFakeTimers();
    const warnings: unknown[] = [];
    const checks: number[] = [];
    const watch = watchRunningJobs({ warn: (obj: unknown) => void warnings.push(obj) } as never, {
      longMs: 1_000,
      checkEveryMs: 500,
      onCheck: (late) => checks.push(late.length),
    });
    const finish = watch.start({ queue: "email", name: "send-notifications", id: "batch-1" });
    vi.advanceTimersByTime(1_000); // checks at 500 and 1,000 ms: not past the threshold yet
    expect(warnings).toEqual([]);
    vi.advanceTimersByTime(500);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ count: 1, jobs: [{ name: "send-notifications", id: "batch-1" }] });
    finish();
    vi.advanceTimersByTime(2_000);
    expect(warnings).toHaveLength(1);
    expect(checks).toEqual([0, 0, 1, 0, 0, 0, 0]);
    watch.close();
  });
});

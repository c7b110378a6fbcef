import type { Logger } from "../web/server/logger.ts";

export type RunningJobWatch = {
  /** Marks a job as started; the returned function marks it finished. */
  start(job: { queue: string; name: string; id: string | undefined }): () => void;
  /** Jobs running longer than `longMs` now: what the periodic warning lists. */
  overdue(now?: number): { queue: string; name: string; id: string | undefined; runningMs: number }[];
  close(): void;
};

/**
 * A job that never settles keeps its BullMQ lock alive (the worker renews it), so the queue
 * shows it active forever and no stalled check recovers it. Every `checkEveryMs` this logs each
 * job of the process running longer than `longMs`, so such a job is seen by name and id.
 */
export function watchRunningJobs(
  logger: Pick<Logger, "warn">,
  opts: {
    longMs?: number;
    checkEveryMs?: number;
    /** Called on every check with the overdue jobs, an empty list included: a gauge's feed. */
    onCheck?: (overdue: ReturnType<RunningJobWatch["overdue"]>) => void;
  } = {},
): RunningJobWatch {
  const longMs = opts.longMs ?? 120_000;
  const running = new Map<number, { queue: string; name: string; id: string | undefined; at: number }>();
  let seq = 0;
  const overdue = (now = Date.now()) =>
    [...running.values()]
      .filter((r) => now - r.at > longMs)
      .map((r) => ({ queue: r.queue, name: r.name, id: r.id, runningMs: now - r.at }));
  const timer = setInterval(() => {
    const late = overdue();
    opts.onCheck?.(late);
    if (late.length > 0) logger.warn({ jobs: late.slice(0, 20), count: late.length }, "jobs running long");
  }, opts.checkEveryMs ?? 30_000);
  timer.unref();
  return {
    start(job) {
      const key = (seq += 1);
      running.set(key, { ...job, at: Date.now() });
      return () => running.delete(key);
    },
    overdue,
    close: () => clearInterval(timer),
  };
}

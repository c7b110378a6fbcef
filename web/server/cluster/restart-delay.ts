/**
 * How long the cluster primary waits before replacing a web process that exited unasked. A child
 * that ran a while comes back at once; one that keeps crashing at start (a bad deploy, the
 * database away) backs off, doubling per crash within the last minute up to 30 s, so the primary
 * does not spin and flood the logs.
 */
export const RESTART_WINDOW_MS = 60_000;
export const MAX_RESTART_DELAY_MS = 30_000;
const FIRST_DELAY_MS = 250;

export function restartDelayMs(crashTimes: readonly number[], now: number): number {
  const recent = crashTimes.filter((t) => now - t < RESTART_WINDOW_MS).length;
  if (recent <= 1) return 0;
  return Math.min(MAX_RESTART_DELAY_MS, FIRST_DELAY_MS * 2 ** (recent - 2));
}

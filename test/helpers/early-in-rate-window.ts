/**
 * Rate counters use fixed windows aligned to the clock (web/server/notifications/hit-rate-counter.ts).
 * A burst that straddles a window's end is split across two windows and never reaches its limit, so
 * a test of a limit starts its burst with at least `needMs` of the window left.
 */
export async function earlyInRateWindow(windowSeconds: number, needMs = 20_000): Promise<void> {
  const windowMs = windowSeconds * 1000;
  const left = windowMs - (Date.now() % windowMs);
  if (left < needMs) await new Promise((resolve) => setTimeout(resolve, left + 250));
}

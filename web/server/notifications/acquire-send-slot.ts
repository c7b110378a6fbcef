import type { Db } from "../db/create-prisma.ts";
import { hitRateCounter } from "./hit-rate-counter.ts";

export type SendSlot = { ok: true } | { ok: false; retryInMs: number };

/**
 * Takes one of the shop's `ratePerSecond` sends for the current second, shared by every worker.
 * When the second is full the caller delays its job (BullMQ moveToDelayed) instead of sleeping.
 */
export async function acquireSendSlot(db: Db, shopId: string, ratePerSecond: number): Promise<SendSlot> {
  if (ratePerSecond <= 0) return { ok: true }; // 0 turns the limit off
  const hit = await hitRateCounter(db, `send:${shopId}`, 1);
  return planSendSlot(hit.count, ratePerSecond, hit.msUntilWindowEnd, Math.random());
}

/**
 * Pure: the k-th hit over the limit in a second waits for the second it would get in a queue
 * (k / rate seconds later), so a backlog of N jobs spreads over N / rate seconds instead of all
 * of them stampeding into the next second and being pushed back again.
 */
export function planSendSlot(
  count: number,
  ratePerSecond: number,
  msUntilWindowEnd: number,
  jitter: number,
): SendSlot {
  if (count <= ratePerSecond) return { ok: true };
  const over = count - ratePerSecond;
  const secondsLater = Math.floor((over - 1) / ratePerSecond);
  return { ok: false, retryInMs: msUntilWindowEnd + secondsLater * 1000 + Math.floor(jitter * 250) };
}

import type { Db } from "../db/create-prisma.ts";
import { hitRateCounter } from "../limits/hit-rate-counter.ts";

export type SendSlot = { ok: true } | { ok: false; retryInMs: number };

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

export type SendSlots = { granted: number; retryInMs: number };

/**
 * A batch's share of the shop's current second: asks for up to `wanted` sends (never more than
 * one second's worth, so a denied ask pushes others back by at most a second, as single hits do)
 * and gets what is left. Nothing left: when to ask again.
 */
export async function reserveSendSlots(
  db: Db,
  shopId: string,
  ratePerSecond: number,
  wanted: number,
): Promise<SendSlots> {
  if (ratePerSecond <= 0) return { granted: wanted, retryInMs: 0 }; // 0 turns the limit off
  const asked = Math.min(wanted, ratePerSecond);
  if (asked <= 0) return { granted: 0, retryInMs: 0 };
  const hit = await hitRateCounter(db, `send:${shopId}`, 1, asked);
  return planSlotGrant(hit.count, asked, ratePerSecond, hit.msUntilWindowEnd, Math.random());
}

/** Pure: of `asked` hits that brought the window to `count`, how many fit under the rate. */
export function planSlotGrant(
  count: number,
  asked: number,
  ratePerSecond: number,
  msUntilWindowEnd: number,
  jitter: number,
): SendSlots {
  const before = count - asked;
  const granted = Math.max(0, Math.min(asked, ratePerSecond - before));
  if (granted > 0) return { granted, retryInMs: 0 };
  const first = planSendSlot(before + 1, ratePerSecond, msUntilWindowEnd, jitter);
  return { granted: 0, retryInMs: first.ok ? 0 : first.retryInMs };
}

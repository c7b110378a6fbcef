export interface RestockWaveInput {
  /** Stock available for the variant now (summed over counted locations). */
  available: number;
  /** Shop threshold: stock at or below it counts as sold out. */
  threshold: number;
  /** Wave size per unit of stock; 0 means everyone at once. */
  multiplier: number;
  windowMinutes: number;
  /** When the previous wave of this restock event went out; null before the first. */
  lastWaveAt: Date | null;
  wavesSent: number;
  /** Subscribers of this restock event not yet notified. */
  pendingCount: number;
  now: Date;
}

export type RestockWavePlan =
  | { action: "send"; size: number }
  | { action: "wait"; until: Date }
  | { action: "stop"; reason: "sold_out" | "done" };

// Products like 0.1 x 30 land a hair above the integer in binary floating point;
// without this slack ceil() would add a subscriber the stock cannot serve.
const CEIL_EPSILON = 1e-9;

/**
 * Sizes the next wave of a restock event (docs/core-rules.md, "Restock waves"): at most ceil(available x multiplier)
 * subscribers, so alerts never far outrun the stock, spaced by the window. Which
 * subscribers (oldest first) is the caller's keyset query; this only decides how many and when.
 */
export function planRestockWave(input: RestockWaveInput): RestockWavePlan {
  assertValid(input);
  const { available, threshold, multiplier, windowMinutes, lastWaveAt, pendingCount, now } = input;

  if (pendingCount <= 0) return { action: "stop", reason: "done" };
  // Checked before the window: once stock is gone, waiting for the window only
  // delays closing the event. A later rise records a new restock event.
  if (available <= threshold) return { action: "stop", reason: "sold_out" };

  if (lastWaveAt !== null) {
    const until = new Date(lastWaveAt.getTime() + windowMinutes * 60_000);
    if (now.getTime() < until.getTime()) return { action: "wait", until };
  }

  if (multiplier === 0) return { action: "send", size: pendingCount };
  const cap = Math.max(1, Math.ceil(available * multiplier - CEIL_EPSILON));
  return { action: "send", size: Math.min(cap, pendingCount) };
}

function assertValid(input: RestockWaveInput): void {
  const finite: (keyof RestockWaveInput)[] = [
    "available",
    "threshold",
    "multiplier",
    "windowMinutes",
    "wavesSent",
    "pendingCount",
  ];
  for (const key of finite) {
    if (!Number.isFinite(input[key])) throw new RangeError(`planRestockWave: ${key} must be a finite number`);
  }
  if (input.multiplier < 0) throw new RangeError("planRestockWave: multiplier must be >= 0");
  if (input.windowMinutes < 0) throw new RangeError("planRestockWave: windowMinutes must be >= 0");
  if (Number.isNaN(input.now.getTime())) throw new RangeError("planRestockWave: now is an invalid date");
  if (input.lastWaveAt !== null && Number.isNaN(input.lastWaveAt.getTime())) {
    throw new RangeError("planRestockWave: lastWaveAt is an invalid date");
  }
}

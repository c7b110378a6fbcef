/**
 * Delays before attempts 2..8 of a delivery (after attempt n fails, wait RETRY_DELAYS_MS[n-1]):
 * 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, about 27.6 h in all, so retries cover a full day.
 */
export const RETRY_DELAYS_MS = [5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000];

/** An endpoint failing for this long (no success in between) is disabled. */
export const DISABLE_AFTER_FAILING_MS = 24 * 3600 * 1000;

export type AttemptResult = { ok: boolean };

export type DeliveryStep =
  | { kind: "succeeded"; endpointFailingSince: null }
  | { kind: "retry"; delayMs: number; endpointFailingSince: Date }
  | { kind: "failed"; endpointFailingSince: Date; disableEndpoint: boolean };

/** What follows an attempt. Pure: the caller writes it and queues the next attempt. */
export function planDeliveryStep(input: {
  attempt: number;
  ok: boolean;
  failingSince: Date | null;
  now: Date;
}): DeliveryStep {
  if (input.ok) return { kind: "succeeded", endpointFailingSince: null };
  const failingSince = input.failingSince ?? input.now;
  if (input.now.getTime() - failingSince.getTime() >= DISABLE_AFTER_FAILING_MS)
    return { kind: "failed", endpointFailingSince: failingSince, disableEndpoint: true };
  const delayMs = RETRY_DELAYS_MS[input.attempt - 1];
  if (delayMs === undefined)
    return { kind: "failed", endpointFailingSince: failingSince, disableEndpoint: false };
  return { kind: "retry", delayMs, endpointFailingSince: failingSince };
}

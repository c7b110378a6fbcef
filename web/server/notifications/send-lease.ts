/**
 * How long a worker's claim on a notification row lasts, from the longest send it must cover. A
 * claimed message is handed to SMTP within `startWithinMs` of the claim (later, it is put back
 * unsent), its SMTP exchange lasts at most `maxSendMs`, and its SENT write is retried for at most
 * `recordWithinMs`. Another worker may take a row only once all three can have passed, plus a
 * margin for a busy event loop: a row whose message was accepted but not yet recorded as SENT is
 * never sent twice. A dead worker's rows wait out the lease. Pure.
 */
export function sendLease(maxSendMs: number) {
  const startWithinMs = maxSendMs;
  const recordWithinMs = maxSendMs / 2;
  const marginMs = maxSendMs / 2;
  return { leaseMs: startWithinMs + maxSendMs + recordWithinMs + marginMs, startWithinMs, recordWithinMs };
}

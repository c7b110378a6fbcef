import { describe, expect, it } from "vitest";
import { sendLease } from "./send-lease.ts";

describe("sendLease", () => {
  it.each([2_000, 10_000, 60_000])(
    "outlasts the latest start, the whole send and the SENT write's retries (maxSendMs %i)",
    (maxSendMs) => {
      const { leaseMs, startWithinMs, recordWithinMs } = sendLease(maxSendMs);
      // The worst case: started at the last moment, the send took its whole window, the write retried.
      expect(startWithinMs + maxSendMs + recordWithinMs).toBeLessThan(leaseMs);
      expect(startWithinMs).toBeGreaterThan(0);
    },
  );
});

import { describe, expect, it } from "vitest";
import { planDeliveryStep, RETRY_DELAYS_MS } from "./plan-delivery-retry.ts";

const now = new Date("2026-12-06T12:00:00Z");
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3600_000);

describe("planDeliveryStep", () => {
  it("retries with growing delays that cover more than a day", () => {
    const total = RETRY_DELAYS_MS.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(24 * 3600_000);
    expect([...RETRY_DELAYS_MS].sort((a, b) => a - b)).toEqual(RETRY_DELAYS_MS);
    expect(planDeliveryStep({ attempt: 1, ok: false, failingSince: null, now })).toEqual({
      kind: "retry",
      delayMs: 5_000,
      endpointFailingSince: now,
    });
  });

  it("gives up after the last attempt without disabling a young failure", () => {
    const step = planDeliveryStep({
      attempt: RETRY_DELAYS_MS.length + 1,
      ok: false,
      failingSince: hoursAgo(2),
      now,
    });
    expect(step).toEqual({ kind: "failed", endpointFailingSince: hoursAgo(2), disableEndpoint: false });
  });

  it("disables the endpoint once it has failed for 24 hours", () => {
    expect(planDeliveryStep({ attempt: 3, ok: false, failingSince: hoursAgo(24), now })).toMatchObject({
      kind: "failed",
      disableEndpoint: true,
    });
    expect(planDeliveryStep({ attempt: 3, ok: false, failingSince: hoursAgo(23.9), now }).kind).toBe("retry");
  });

  it("a success clears the failure clock", () => {
    expect(planDeliveryStep({ attempt: 4, ok: true, failingSince: hoursAgo(20), now })).toEqual({
      kind: "succeeded",
      endpointFailingSince: null,
    });
  });
});

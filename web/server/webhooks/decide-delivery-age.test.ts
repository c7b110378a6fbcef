import { describe, expect, it } from "vitest";
import { decideDeliveryAge, RETRY_HORIZON_MS } from "./decide-delivery-age.ts";

describe("decideDeliveryAge", () => {
  const received = new Date("2026-12-06T12:00:00Z");
  const ago = (ms: number) => new Date(received.getTime() - ms);

  it("a delivery within Shopify's 48 h retry horizon is fresh, up to the horizon itself", () => {
    expect(decideDeliveryAge(ago(0), received)).toEqual({ stale: false });
    expect(decideDeliveryAge(ago(RETRY_HORIZON_MS), received)).toEqual({ stale: false });
    // Triggered "after" receipt (clock skew) is not a replay.
    expect(decideDeliveryAge(new Date(received.getTime() + 60_000), received)).toEqual({ stale: false });
  });

  it("past the horizon it is stale, with a reason naming when it was triggered", () => {
    const decision = decideDeliveryAge(ago(RETRY_HORIZON_MS + 1), received);
    expect(decision.stale).toBe(true);
    if (decision.stale) {
      expect(decision.reason).toContain("2026-12-04T11:59:59.999Z");
      expect(decision.reason).toContain("48 h");
    }
    expect(decideDeliveryAge(ago(30 * 24 * 3600_000), received).stale).toBe(true);
  });

  it("without the header there is nothing to judge: fresh", () => {
    expect(decideDeliveryAge(null, received)).toEqual({ stale: false });
  });
});

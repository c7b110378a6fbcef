import { describe, expect, it } from "vitest";
import { alertExpiresAt, expiryClockStart, renewalIdempotencyKey, renewStateOf } from "./alert-expiry.ts";

const at = (iso: string) => new Date(iso);

describe("alert expiry", () => {
  it("runs the clock from the last renewal, else the confirmation, else the signup", () => {
    const createdAt = at("2026-01-01T00:00:00Z");
    const confirmedAt = at("2026-01-02T00:00:00Z");
    const renewedAt = at("2026-05-01T00:00:00Z");
    expect(expiryClockStart({ createdAt, confirmedAt: null, renewedAt: null })).toEqual(createdAt);
    expect(expiryClockStart({ createdAt, confirmedAt, renewedAt: null })).toEqual(confirmedAt);
    expect(expiryClockStart({ createdAt, confirmedAt, renewedAt })).toEqual(renewedAt);
    expect(alertExpiresAt(confirmedAt, 180)).toEqual(at("2026-07-01T00:00:00Z"));
  });

  it("keys one renewal email per subscription and expiry period", () => {
    const first = renewalIdempotencyKey("s1", at("2026-01-02T00:00:00Z"));
    expect(renewalIdempotencyKey("s1", at("2026-01-02T00:00:00Z"))).toBe(first);
    expect(renewalIdempotencyKey("s1", at("2026-06-28T00:00:00Z"))).not.toBe(first);
    expect(renewalIdempotencyKey("s2", at("2026-01-02T00:00:00Z"))).not.toBe(first);
  });

  it.each([
    ["ACTIVE", true, "renewable"],
    ["EXPIRED", true, "expired"],
    ["EXPIRED", false, "unconfirmed"],
    ["PENDING", false, "unconfirmed"],
    ["NOTIFIED", true, "notified"],
    ["UNSUBSCRIBED", true, "unsubscribed"],
  ])("a renew link on a %s alert (confirmed: %s) is %s", (status, confirmed, state) => {
    expect(renewStateOf({ status, confirmedAt: confirmed ? at("2026-01-02T00:00:00Z") : null })).toBe(state);
  });
});

import { describe, expect, it } from "vitest";
import {
  GAVE_UP_PREFIX,
  RECOVERY_LIMITS,
  recoveryAction,
  recoveryPlan,
  type RecoveryRow,
} from "./recovery-plan.ts";

const NOW = new Date("2026-11-22T12:00:00Z");
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000);
const row = (over: Partial<RecoveryRow>): RecoveryRow => ({
  id: "n1",
  shopId: "s1",
  status: "PENDING",
  attempts: 0,
  createdAt: minutesAgo(5),
  claimedAt: null,
  lastError: null,
  ...over,
});
const act = (over: Partial<RecoveryRow>) => recoveryAction(row(over), NOW, RECOVERY_LIMITS);

describe("recoveryAction", () => {
  it("re-enqueues PENDING rows only once they are older than the hand-off window", () => {
    expect(act({ createdAt: minutesAgo(1) })).toBe("none");
    expect(act({ createdAt: minutesAgo(3) })).toBe("enqueue");
  });

  it("re-enqueues SENDING rows only when the claim is long expired", () => {
    expect(act({ status: "SENDING", claimedAt: minutesAgo(1) })).toBe("none");
    expect(act({ status: "SENDING", claimedAt: minutesAgo(11) })).toBe("enqueue");
    expect(act({ status: "SENDING", claimedAt: null })).toBe("none");
  });

  it("revives FAILED rows that gave up on transient errors, while young and with attempts left", () => {
    const gaveUp = { status: "FAILED" as const, lastError: `${GAVE_UP_PREFIX}451 try later`, attempts: 12 };
    expect(act(gaveUp)).toBe("revive");
    expect(act({ ...gaveUp, attempts: RECOVERY_LIMITS.maxAttempts })).toBe("none");
    expect(act({ ...gaveUp, createdAt: minutesAgo(25 * 60) })).toBe("none");
  });

  it("never retries a permanent failure or a settled row", () => {
    expect(act({ status: "FAILED", lastError: "550 5.1.1 mailbox unavailable" })).toBe("none");
    expect(act({ status: "FAILED", lastError: "shop uninstalled" })).toBe("none");
    expect(act({ status: "FAILED", lastError: null })).toBe("none");
    expect(act({ status: "SENT", createdAt: minutesAgo(60) })).toBe("none");
    expect(act({ status: "SUPPRESSED", createdAt: minutesAgo(60) })).toBe("none");
  });
});

describe("recoveryPlan", () => {
  it("groups by shop, counts each kind, and enqueues revived rows too", () => {
    const plan = recoveryPlan(
      [
        row({ id: "a", shopId: "s1" }),
        row({ id: "b", shopId: "s2", status: "SENDING", claimedAt: minutesAgo(30) }),
        row({ id: "c", shopId: "s1", status: "FAILED", lastError: `${GAVE_UP_PREFIX}timeout`, attempts: 12 }),
        row({ id: "d", shopId: "s1", status: "FAILED", lastError: "550 no such user" }),
        row({ id: "e", shopId: "s2", createdAt: minutesAgo(1) }),
      ],
      NOW,
      RECOVERY_LIMITS,
    );
    expect(plan.counts).toEqual({ pending: 1, staleClaims: 1, revived: 1 });
    expect(Object.fromEntries(plan.revive)).toEqual({ s1: ["c"] });
    expect(Object.fromEntries(plan.enqueue)).toEqual({ s1: ["a", "c"], s2: ["b"] });
  });
});

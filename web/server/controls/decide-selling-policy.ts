/**
 * Whether a variant may take backorders right now, and what the app must do about its Shopify
 * inventory policy. Pure: plain data in, one decision out.
 *
 * Invariants:
 * - A DENY the app did not set (the merchant's) is never touched.
 * - The app only switches CONTINUE -> DENY when blocked, and DENY -> CONTINUE only for a variant
 *   it switched itself, once nothing blocks it any more.
 * - A merchant who re-enabled selling while blocked wins until the block ends (no tug of war).
 */

export type SellingPolicy = "DENY" | "CONTINUE";

export type SellingWindow = {
  /** Backorders are taken from this instant on (inclusive). */
  startsAt: Date | null;
  /** ... until this instant (exclusive). */
  endsAt: Date | null;
  /** ... and only while the ETA is at most this many days away (an unknown ETA is outside). */
  etaWithinDays: number | null;
};

export type SellingPolicyInput = {
  /** Most backordered units the variant may have open; null = no cap. */
  cap: number | null;
  openBackorderedUnits: number;
  window: SellingWindow | null;
  eta: Date | null;
  now: Date;
  currentPolicy: SellingPolicy;
  switchedByApp: boolean;
  merchantOverride?: boolean;
};

export type BlockReason = "cap" | "window";

export type SellingPolicyDecision = {
  action: "deny" | "continue" | "none";
  /** Why backorders should stop now (null = nothing blocks them). */
  blockedBy: BlockReason | null;
};

const DAY_MS = 24 * 60 * 60 * 1000;

export function decideSellingPolicy(input: SellingPolicyInput): SellingPolicyDecision {
  const blockedBy = blockReason(input);
  const none = { action: "none", blockedBy } as const;
  if (input.currentPolicy === "DENY") {
    if (!input.switchedByApp) return none;
    return blockedBy === null ? { action: "continue", blockedBy } : none;
  }
  if (blockedBy === null || input.merchantOverride === true) return none;
  return { action: "deny", blockedBy };
}

export function blockReason(
  input: Omit<SellingPolicyInput, "currentPolicy" | "switchedByApp">,
): BlockReason | null {
  if (input.cap !== null && Math.max(0, input.openBackorderedUnits) >= input.cap) return "cap";
  if (input.window && isOutsideWindow(input.window, input.eta, input.now)) return "window";
  return null;
}

export function isOutsideWindow(window: SellingWindow, eta: Date | null, now: Date): boolean {
  if (window.startsAt && now < window.startsAt) return true;
  if (window.endsAt && now >= window.endsAt) return true;
  if (window.etaWithinDays !== null) {
    if (eta === null) return true;
    if (eta.getTime() - now.getTime() > window.etaWithinDays * DAY_MS) return true;
  }
  return false;
}

/** The next instant at which a date window opens or closes after `now` (for scheduling checks). */
export function nextWindowEdge(window: SellingWindow, now: Date): Date | null {
  const edges = [window.startsAt, window.endsAt].filter((d): d is Date => d !== null && d > now);
  return edges.length === 0 ? null : new Date(Math.min(...edges.map((d) => d.getTime())));
}

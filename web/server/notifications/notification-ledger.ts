import type { Notification } from "@prisma/client";
import type { Db } from "../db/create-prisma.ts";

export type Claim =
  | { ok: true; row: Notification }
  | { ok: false; state: "done" }
  /** Another worker holds a live claim: look again when it runs out. */
  | { ok: false; state: "busy"; until: Date };

/**
 * Takes the row for sending: PENDING or FAILED, or SENDING whose claim is older than the lease
 * (its worker died between claiming and recording the outcome). The conditional update is the
 * lock: of two workers racing for one row, exactly one claims it.
 */
export async function claimNotification(db: Db, id: string, leaseMs: number, now: Date): Promise<Claim> {
  const staleBefore = new Date(now.getTime() - leaseMs);
  const claimed = await db.notification.updateManyAndReturn({
    where: {
      id,
      OR: [{ status: { in: ["PENDING", "FAILED"] } }, { status: "SENDING", claimedAt: { lt: staleBefore } }],
    },
    data: { status: "SENDING", claimedAt: now, attempts: { increment: 1 } },
  });
  const row = claimed[0];
  if (row) return { ok: true, row };
  const current = await db.notification.findUnique({
    where: { id },
    select: { status: true, claimedAt: true },
  });
  if (!current || current.status === "SENT" || current.status === "SUPPRESSED")
    return { ok: false, state: "done" };
  const claimedAt = current.claimedAt ?? now;
  return { ok: false, state: "busy", until: new Date(claimedAt.getTime() + leaseMs) };
}

export async function markSent(db: Db, id: string, messageId: string, now: Date): Promise<void> {
  await db.notification.update({
    where: { id },
    data: { status: "SENT", messageId, sentAt: now, claimedAt: null, lastError: null },
  });
}

/** A transient failure: back to PENDING so the retry (with backoff) can claim it at once. */
export async function releaseClaim(db: Db, id: string, reason: string): Promise<void> {
  await db.notification.updateMany({
    where: { id, status: "SENDING" },
    data: { status: "PENDING", claimedAt: null, lastError: reason.slice(0, 1000) },
  });
}

export async function markFailed(db: Db, id: string, reason: string): Promise<void> {
  await db.notification.updateMany({
    where: { id, status: { in: ["PENDING", "SENDING", "FAILED"] } },
    data: { status: "FAILED", claimedAt: null, lastError: reason.slice(0, 1000) },
  });
}

/** Retries used up: a row still waiting becomes FAILED; an outcome already recorded stays. */
export async function markGaveUp(db: Db, id: string, reason: string): Promise<void> {
  await db.notification.updateMany({
    where: { id, status: { in: ["PENDING", "SENDING"] } },
    data: { status: "FAILED", claimedAt: null, lastError: reason.slice(0, 1000) },
  });
}

export async function markSuppressed(db: Db, id: string, reason: string): Promise<void> {
  await db.notification.updateMany({
    where: { id, status: { in: ["PENDING", "SENDING", "FAILED"] } },
    data: { status: "SUPPRESSED", claimedAt: null, lastError: reason.slice(0, 1000) },
  });
}

/** Per shop: an address that bounced or unsubscribed. The first reason recorded stays. */
export async function suppressAddress(
  db: Db,
  shopId: string,
  email: string,
  reason: "unsubscribed" | "bounced",
): Promise<void> {
  await db.suppression.upsert({
    where: { shopId_email: { shopId, email } },
    create: { shopId, email, reason },
    // A bounce is stronger than an unsubscribe (it also stops order emails).
    update: reason === "bounced" ? { reason } : {},
  });
}

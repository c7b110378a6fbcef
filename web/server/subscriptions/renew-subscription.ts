import { Prisma } from "@prisma/client";
import type { Db } from "../db/create-prisma.ts";
import { renewStateOf, type RenewState } from "./alert-expiry.ts";
import { describeConfirmSubject, type ConfirmSubject } from "./confirm-subscription.ts";

export type RenewLookup = ({ outcome: RenewState } & ConfirmSubject) | { outcome: "not_found" };
export type RenewDone =
  | ({ outcome: "renewed" | "already_live" | Exclude<RenewState, "renewable" | "expired"> } & ConfirmSubject)
  | { outcome: "not_found" };

async function findSubscription(db: Db, subscriptionId: string) {
  const sub = await db.subscription.findUnique({
    where: { id: subscriptionId },
    include: { shop: { select: { name: true, domain: true } } },
  });
  if (!sub) return null;
  return { sub, subject: await describeConfirmSubject(db, sub) };
}

/** What a renew link points at, changing nothing (GET and HEAD: link scanners follow them). */
export async function lookUpRenewal(db: Db, subscriptionId: string): Promise<RenewLookup> {
  const found = await findSubscription(db, subscriptionId);
  if (!found) return { outcome: "not_found" };
  return { outcome: renewStateOf(found.sub), ...found.subject };
}

/**
 * The renew page's POST: an ACTIVE alert's expiry clock restarts now; an alert that expired
 * meanwhile is live again unless the shopper signed up anew for the same item ("already_live").
 * Repeating it only moves the clock to the later POST.
 */
export async function renewSubscription(db: Db, subscriptionId: string, now: Date): Promise<RenewDone> {
  const found = await findSubscription(db, subscriptionId);
  if (!found) return { outcome: "not_found" };
  const { sub, subject } = found;
  const state = renewStateOf(sub);
  if (state === "renewable") {
    const { count } = await db.subscription.updateMany({
      where: { id: sub.id, status: "ACTIVE" },
      data: { renewedAt: now },
    });
    // Expired by the sweep between the read and the update: take the expired path.
    if (count === 1) return { outcome: "renewed", ...subject };
  } else if (state !== "expired") {
    return { outcome: state, ...subject };
  }
  try {
    const { count } = await db.subscription.updateMany({
      where: { id: sub.id, status: "EXPIRED", confirmedAt: { not: null } },
      data: {
        status: "ACTIVE",
        renewedAt: now,
        activeKey: `${sub.variantId}:${sub.email ?? sub.phone}`,
      },
    });
    return { outcome: count === 1 ? "renewed" : "already_live", ...subject };
  } catch (error) {
    // The (shop, activeKey) slot is taken: a newer alert for the same item is live.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      return { outcome: "already_live", ...subject };
    throw error;
  }
}

import type { Db } from "../db/create-prisma.ts";
import { isConfirmWindowOver } from "./expire-unconfirmed-subscriptions.ts";

export type ConfirmOutcome = "pending" | "confirmed" | "already_confirmed" | "expired" | "unsubscribed";

/**
 * What the confirmation page names: the shop, and the product (and variant) the alert is for; and
 * the alert's locale, the language of its emails and so of their link pages.
 */
export type ConfirmSubject = { shopName: string; productTitle: string; variantTitle: string; locale: string };

export type ConfirmResult = ({ outcome: ConfirmOutcome } & ConfirmSubject) | { outcome: "not_found" };
/** After the POST: never "pending" any more. */
export type ConfirmDone =
  ({ outcome: Exclude<ConfirmOutcome, "pending"> } & ConfirmSubject) | { outcome: "not_found" };

async function findByConfirmToken(db: Db, token: string) {
  const sub = await db.subscription.findUnique({
    where: { confirmToken: token },
    include: { shop: { select: { name: true, domain: true } } },
  });
  if (!sub) return null;
  return { sub, subject: await describeConfirmSubject(db, sub) };
}

/** The shop and the product (and variant) an alert is for, as its link pages name them. */
export async function describeConfirmSubject(
  db: Db,
  sub: {
    shopId: string;
    variantId: bigint;
    locale: string;
    shop: { name: string | null; domain: string };
  },
): Promise<ConfirmSubject> {
  const variant = await db.variant.findUnique({
    where: { shopId_variantId: { shopId: sub.shopId, variantId: sub.variantId } },
    select: { title: true, productId: true },
  });
  const product = variant
    ? await db.product.findUnique({
        where: { shopId_productId: { shopId: sub.shopId, productId: variant.productId } },
        select: { title: true },
      })
    : null;
  const variantTitle = variant?.title ?? "";
  return {
    shopName: sub.shop.name ?? sub.shop.domain,
    productTitle: product?.title ?? variantTitle,
    // Shopify names the only variant of a single-variant product "Default Title".
    variantTitle: variantTitle === "Default Title" || !product ? "" : variantTitle,
    locale: sub.locale,
  };
}

function stateOf(sub: { status: string; createdAt: Date }, now: Date): Exclude<ConfirmOutcome, "confirmed"> {
  if (sub.status === "ACTIVE" || sub.status === "NOTIFIED") return "already_confirmed";
  if (sub.status === "UNSUBSCRIBED") return "unsubscribed";
  if (sub.status === "EXPIRED" || isConfirmWindowOver(sub.createdAt, now)) return "expired";
  return "pending";
}

/**
 * What a double opt-in link points at, changing nothing: link scanners (Outlook Safe Links and
 * the like) follow GET and HEAD, so only the page's button (a POST) confirms.
 */
export async function lookUpConfirmToken(db: Db, token: string, now: Date): Promise<ConfirmResult> {
  const found = await findByConfirmToken(db, token);
  if (!found) return { outcome: "not_found" };
  return { outcome: stateOf(found.sub, now), ...found.subject };
}

/**
 * Confirms a double opt-in (the page's POST). Idempotent: a second POST says "already confirmed".
 * Confirming is the new opt-in that lifts an earlier unsubscribe of this address (never a bounce),
 * and the marketing consent asked for at signup starts to count only now.
 */
export async function confirmSubscription(db: Db, token: string, now: Date): Promise<ConfirmDone> {
  const found = await findByConfirmToken(db, token);
  if (!found) return { outcome: "not_found" };
  const { sub, subject } = found;
  const state = stateOf(sub, now);
  if (state === "expired") {
    await db.subscription.updateMany({
      where: { id: sub.id, status: "PENDING" },
      data: { status: "EXPIRED", activeKey: null },
    });
  }
  if (state !== "pending") return { outcome: state, ...subject };
  await db.$transaction([
    db.subscription.updateMany({
      where: { id: sub.id, status: "PENDING" },
      data: { status: "ACTIVE", confirmedAt: now, marketingConsent: sub.marketingConsentRequested },
    }),
    db.suppression.deleteMany({
      where: { shopId: sub.shopId, email: sub.email ?? "", reason: "unsubscribed" },
    }),
  ]);
  return { outcome: "confirmed", ...subject };
}

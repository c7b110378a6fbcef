import type { Db } from "../db/create-prisma.ts";
import { cancelTokenDigest, verifyCancelToken, type CancelTokenClaims } from "./cancel-token.ts";
import { planCancelRequest, type CancellableLine, type CancelRefusal } from "./plan-cancel-request.ts";

/**
 * What a cancel link stands for. `locale` is the language of the email that carried the link (its
 * notification's), which its pages speak.
 */
export type CancelLinkState =
  /** Tampered with or not a token at all. */
  | { kind: "invalid" }
  /** Well signed, but the shop, order or email it names is gone (redacted, uninstalled). */
  | { kind: "unknown" }
  | { kind: "used"; requestedAt: Date; locale: string | null }
  /** No line it names has a backordered unit left: in stock (ready), shipped or cancelled since. */
  | { kind: "nothing_open"; shopName: string; orderName: string; locale: string }
  | {
      kind: "open";
      locale: string;
      shopName: string;
      orderName: string;
      lines: CancellableLine[];
      claims: CancelTokenClaims;
    };

/** What a cancel link stands for now (the GET page). */
export async function loadCancelLink(
  db: Db,
  secrets: readonly string[],
  token: string,
): Promise<CancelLinkState> {
  const check = verifyCancelToken(secrets, token);
  if (!check.ok) return { kind: "invalid" };
  const { claims } = check;
  const [used, sent] = await Promise.all([
    db.cancelRequest.findUnique({ where: { tokenDigest: cancelTokenDigest(token) } }),
    db.notification.findUnique({
      where: { id: claims.notificationId },
      select: { shopId: true, orderId: true, locale: true },
    }),
  ]);
  if (used) {
    const locale = sent?.shopId === claims.shopId ? sent.locale : null;
    return { kind: "used", requestedAt: used.requestedAt, locale };
  }
  const [shop, order] = await Promise.all([
    db.shop.findUnique({
      where: { id: claims.shopId },
      select: { name: true, domain: true, uninstalledAt: true },
    }),
    db.order.findUnique({
      where: { shopId_orderId: { shopId: claims.shopId, orderId: claims.orderId } },
      select: { name: true },
    }),
  ]);
  if (
    !shop ||
    shop.uninstalledAt ||
    !order ||
    sent?.shopId !== claims.shopId ||
    sent.orderId !== claims.orderId
  )
    return { kind: "unknown" };
  const shopName = shop.name ?? shop.domain;
  const orderName = order.name ?? `#${claims.orderId}`;
  // Only units still waiting for stock: a READY line (or the in-stock part of a partial one) ships.
  const open = await db.backorderLine.findMany({
    where: {
      shopId: claims.shopId,
      orderId: claims.orderId,
      lineItemId: { in: claims.lineItemIds },
      status: "OPEN",
      backorderedQuantity: { gt: 0 },
    },
    select: { lineItemId: true, backorderedQuantity: true },
    orderBy: { lineItemId: "asc" },
  });
  const { locale } = sent;
  if (open.length === 0) return { kind: "nothing_open", shopName, orderName, locale };
  const titles = await db.orderLine.findMany({
    where: { shopId: claims.shopId, lineItemId: { in: open.map((l) => l.lineItemId) } },
    select: { lineItemId: true, title: true },
  });
  const titleOf = new Map(titles.map((t) => [t.lineItemId, t.title]));
  const lines = open.map((l) => ({
    lineItemId: l.lineItemId,
    title: titleOf.get(l.lineItemId) ?? "",
    backordered: l.backorderedQuantity,
  }));
  return { kind: "open", locale, shopName, orderName, lines, claims };
}

/**
 * The customer confirmed: records the request once per link (the unique token digest makes a
 * second confirmation, or two at once, find it used), for at most the units still backordered.
 * The merchant decides what happens next; the app refunds and cancels nothing by itself.
 */
export async function requestCancellation(
  db: Db,
  secrets: readonly string[],
  token: string,
  form: Readonly<Record<string, unknown>>,
  now: Date,
): Promise<
  | Exclude<CancelLinkState, { kind: "open" }>
  | { kind: "refused"; refusal: CancelRefusal }
  | { kind: "recorded"; locale: string; orderName: string; shopName: string; units: number }
> {
  const state = await loadCancelLink(db, secrets, token);
  if (state.kind !== "open") return state;
  const plan = planCancelRequest(state.lines, form);
  if (!plan.ok) return { kind: "refused", refusal: plan.refusal };
  const { count } = await db.cancelRequest.createMany({
    data: [
      {
        shopId: state.claims.shopId,
        orderId: state.claims.orderId,
        lineItemIds: plan.lines.map((l) => l.lineItemId),
        quantities: plan.lines.map((l) => l.quantity),
        tokenDigest: cancelTokenDigest(token),
        requestedAt: now,
      },
    ],
    skipDuplicates: true,
  });
  if (count === 0) return { kind: "used", requestedAt: now, locale: state.locale };
  const units = plan.lines.reduce((sum, l) => sum + l.quantity, 0);
  const { locale, orderName, shopName } = state;
  return { kind: "recorded", locale, orderName, shopName, units };
}

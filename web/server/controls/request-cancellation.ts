import type { Db } from "../db/create-prisma.ts";
import { cancelTokenDigest, verifyCancelToken, type CancelTokenClaims } from "./cancel-token.ts";

export type CancelLine = { lineItemId: bigint; title: string; quantity: number };

export type CancelLinkState =
  /** Tampered with or not a token at all. */
  | { kind: "invalid" }
  /** Well signed, but the shop, order or email it names is gone (redacted, uninstalled). */
  | { kind: "unknown" }
  | { kind: "used"; requestedAt: Date }
  /** Every line it names has shipped or been cancelled since. */
  | { kind: "nothing_open"; shopName: string; orderName: string }
  | { kind: "open"; shopName: string; orderName: string; lines: CancelLine[]; claims: CancelTokenClaims };

/** What a cancel link stands for now (the GET page). */
export async function loadCancelLink(
  db: Db,
  secrets: readonly string[],
  token: string,
): Promise<CancelLinkState> {
  const check = verifyCancelToken(secrets, token);
  if (!check.ok) return { kind: "invalid" };
  const { claims } = check;
  const used = await db.cancelRequest.findUnique({ where: { tokenDigest: cancelTokenDigest(token) } });
  if (used) return { kind: "used", requestedAt: used.requestedAt };
  const [shop, order, sent] = await Promise.all([
    db.shop.findUnique({
      where: { id: claims.shopId },
      select: { name: true, domain: true, uninstalledAt: true },
    }),
    db.order.findUnique({
      where: { shopId_orderId: { shopId: claims.shopId, orderId: claims.orderId } },
      select: { name: true },
    }),
    db.notification.findUnique({
      where: { id: claims.notificationId },
      select: { shopId: true, orderId: true },
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
  const open = await db.backorderLine.findMany({
    where: {
      shopId: claims.shopId,
      lineItemId: { in: claims.lineItemIds },
      status: { in: ["OPEN", "READY"] },
    },
    select: { lineItemId: true, quantity: true },
    orderBy: { lineItemId: "asc" },
  });
  if (open.length === 0) return { kind: "nothing_open", shopName, orderName };
  const titles = await db.orderLine.findMany({
    where: { shopId: claims.shopId, lineItemId: { in: open.map((l) => l.lineItemId) } },
    select: { lineItemId: true, title: true },
  });
  const titleOf = new Map(titles.map((t) => [t.lineItemId, t.title]));
  const lines = open.map((l) => ({ ...l, title: titleOf.get(l.lineItemId) ?? "" }));
  return { kind: "open", shopName, orderName, lines, claims };
}

/**
 * The customer confirmed: records the request once per link (the unique token digest makes a
 * second confirmation, or two at once, find it used). The merchant decides what happens next; the
 * app refunds and cancels nothing by itself.
 */
export async function requestCancellation(
  db: Db,
  secrets: readonly string[],
  token: string,
  now: Date,
): Promise<
  Exclude<CancelLinkState, { kind: "open" }> | { kind: "recorded"; orderName: string; shopName: string }
> {
  const state = await loadCancelLink(db, secrets, token);
  if (state.kind !== "open") return state;
  const { count } = await db.cancelRequest.createMany({
    data: [
      {
        shopId: state.claims.shopId,
        orderId: state.claims.orderId,
        lineItemIds: state.lines.map((l) => l.lineItemId),
        tokenDigest: cancelTokenDigest(token),
        requestedAt: now,
      },
    ],
    skipDuplicates: true,
  });
  if (count === 0) return { kind: "used", requestedAt: now };
  return { kind: "recorded", orderName: state.orderName, shopName: state.shopName };
}

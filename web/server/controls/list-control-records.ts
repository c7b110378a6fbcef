import type { Db } from "../db/create-prisma.ts";
import { AppError } from "../errors.ts";

export type OrderDiscountView = {
  orderId: string;
  orderName: string | null;
  code: string;
  status: string;
  valueType: string;
  value: string;
  endsAt: string | null;
  createdAt: string;
};

/** Discount codes the app created (or is creating) for waiting customers, newest first. */
export async function listOrderDiscounts(
  db: Db,
  shopId: string,
  limit: number,
): Promise<OrderDiscountView[]> {
  const rows = await db.orderDiscount.findMany({
    where: { shopId },
    orderBy: { createdAt: "desc" },
    take: limit,
  });
  const names = await orderNames(
    db,
    shopId,
    rows.map((r) => r.orderId),
  );
  return rows.map((r) => ({
    orderId: String(r.orderId),
    orderName: names.get(r.orderId) ?? null,
    code: r.code,
    status: r.status,
    valueType: r.valueType,
    value: r.value.toFixed(2),
    endsAt: r.endsAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  }));
}

export type CancelRequestView = {
  id: string;
  orderId: string;
  orderName: string | null;
  status: string;
  lines: { lineItemId: string; title: string; quantity: number }[];
  requestedAt: string;
  resolvedAt: string | null;
};

/** Customers' requests to cancel backordered items, oldest open first: the merchant's to-do list. */
export async function listCancelRequests(
  db: Db,
  shopId: string,
  query: { status?: string | undefined; limit: number },
): Promise<CancelRequestView[]> {
  const rows = await db.cancelRequest.findMany({
    where: { shopId, ...(query.status ? { status: query.status } : {}) },
    orderBy: { requestedAt: query.status === "REQUESTED" ? "asc" : "desc" },
    take: query.limit,
  });
  const names = await orderNames(
    db,
    shopId,
    rows.map((r) => r.orderId),
  );
  const lines = await db.orderLine.findMany({
    where: { shopId, lineItemId: { in: rows.flatMap((r) => r.lineItemIds) } },
    select: { lineItemId: true, title: true, quantity: true },
  });
  const lineOf = new Map(lines.map((l) => [l.lineItemId, l]));
  return rows.map((r) => ({
    id: r.id,
    orderId: String(r.orderId),
    orderName: names.get(r.orderId) ?? null,
    status: r.status,
    lines: r.lineItemIds.map((id, i) => ({
      lineItemId: String(id),
      title: lineOf.get(id)?.title ?? "",
      // The units asked for; requests recorded before quantities were kept named whole lines.
      quantity: r.quantities[i] ?? lineOf.get(id)?.quantity ?? 0,
    })),
    requestedAt: r.requestedAt.toISOString(),
    resolvedAt: r.resolvedAt?.toISOString() ?? null,
  }));
}

/** The merchant handled (or dismissed) a request; setting it back to REQUESTED reopens it. */
export async function resolveCancelRequest(
  db: Db,
  shopId: string,
  id: string,
  status: "DONE" | "DISMISSED" | "REQUESTED",
  now: Date,
): Promise<void> {
  const { count } = await db.cancelRequest.updateMany({
    where: { id, shopId },
    data: { status, resolvedAt: status === "REQUESTED" ? null : now },
  });
  if (count === 0) throw new AppError("not_found", "Unknown cancel request");
}

async function orderNames(db: Db, shopId: string, orderIds: bigint[]): Promise<Map<bigint, string | null>> {
  const orders = await db.order.findMany({
    where: { shopId, orderId: { in: [...new Set(orderIds)] } },
    select: { orderId: true, name: true },
  });
  return new Map(orders.map((o) => [o.orderId, o.name]));
}

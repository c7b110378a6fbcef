import type { Prisma } from "@prisma/client";
import { z } from "zod";
import type { Db } from "../db/create-prisma.ts";
import { shopifyIdSchema } from "../shopify-id.ts";
import { backorderMix, type BackorderMix } from "./backorder-line-history.ts";
import { backorderSearchWhere, MAX_SELECTED_LINES } from "./backorder-search.ts";

const SORTS = {
  placedAt: "placedAt",
  openedAt: "openedAt",
  eta: "etaCurrent",
  backordered: "backorderedQuantity",
  status: "status",
} as const;

const idString = shopifyIdSchema.transform((v) => BigInt(v));
const csvList = <T extends string>(values: readonly [T, ...T[]]) =>
  z
    .string()
    .transform((v) => v.split(",").filter(Boolean))
    .pipe(z.array(z.enum(values)));

/** A backorder line's statuses, as the list filters them. */
export const BACKORDER_STATUSES = ["OPEN", "READY", "FULFILLED", "CANCELLED"] as const;

export const backorderFiltersSchema = z.object({
  status: csvList(BACKORDER_STATUSES).optional(),
  product: idString.optional(),
  variant: idString.optional(),
  /** Only OPEN lines whose current ETA is before today (UTC). */
  overdue: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .optional(),
  /** Order name, customer, product or SKU (backorder-search.ts). */
  query: z.string().trim().max(200).optional(),
  /** Only these lines (the admin's selection, for "export selection"). */
  ids: z
    .string()
    .transform((v) => v.split(",").filter(Boolean))
    .pipe(z.array(z.uuid()).max(MAX_SELECTED_LINES))
    .optional(),
  sort: z.enum(Object.keys(SORTS) as [keyof typeof SORTS, ...(keyof typeof SORTS)[]]).default("placedAt"),
  direction: z.enum(["asc", "desc"]).default("desc"),
});

export const backorderPageSchema = backorderFiltersSchema.extend({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});

export type BackorderFilters = z.output<typeof backorderFiltersSchema>;

export type BackorderListItem = {
  id: string;
  orderId: string;
  orderName: string | null;
  /** The customer's first name, else their email: the merchant's own customers, shown in full in their admin (logs stay masked). */
  customer: string | null;
  customerEmail: string | null;
  lineItemId: string;
  variantId: string;
  productId: string | null;
  productTitle: string | null;
  variantTitle: string | null;
  sku: string | null;
  status: string;
  /** Open units of the line (what is left to ship). */
  quantity: number;
  backorderedQuantity: number;
  /** Units the line ordered (null when the order line is unknown). */
  orderedQuantity: number | null;
  /** Backordered units when first backordered, and at their peak (null: older than the history). */
  initialBackorderedQuantity: number | null;
  peakBackorderedQuantity: number | null;
  /** Partial: some of the line's units were served from stock; full: none were. */
  backorderType: BackorderMix | null;
  /** Every change of the line's units or status, oldest first. */
  history: BackorderHistoryEntry[];
  etaAtOrder: string | null;
  etaCurrent: string | null;
  placedAt: string;
  openedAt: string;
  readyAt: string | null;
  fulfilledAt: string | null;
  cancelledAt: string | null;
};

export type BackorderHistoryEntry = {
  at: string;
  kind: string;
  status: string;
  quantity: number;
  backorderedQuantity: number;
};

export async function backorderWhere(db: Db, shopId: string, f: BackorderFilters, now: Date) {
  const where: Prisma.BackorderLineWhereInput = { shopId };
  if (f.status?.length) where.status = { in: f.status };
  const variantIds: bigint[] = [];
  if (f.product !== undefined) {
    const variants = await db.variant.findMany({
      where: { shopId, productId: f.product },
      select: { variantId: true },
    });
    variantIds.push(...variants.map((v) => v.variantId));
    where.variantId = { in: variantIds };
  }
  if (f.variant !== undefined) where.AND = [{ variantId: f.variant }];
  if (f.ids) where.id = { in: f.ids };
  if (f.query)
    where.AND = [
      ...((where.AND as Prisma.BackorderLineWhereInput[]) ?? []),
      await backorderSearchWhere(db, shopId, f.query),
    ];
  if (f.overdue) {
    const today = new Date(`${now.toISOString().slice(0, 10)}T00:00:00Z`);
    where.AND = [
      ...((where.AND as Prisma.BackorderLineWhereInput[]) ?? []),
      { status: "OPEN", etaCurrent: { lt: today } },
    ];
  }
  return where;
}

export function backorderOrderBy(f: BackorderFilters): Prisma.BackorderLineOrderByWithRelationInput[] {
  return [{ [SORTS[f.sort]]: f.direction }, { lineItemId: f.direction }];
}

/** One page of the shop's backorder lines with the order, product and variant names. */
export async function listBackorders(
  db: Db,
  shopId: string,
  q: z.output<typeof backorderPageSchema>,
  now: Date,
) {
  const where = await backorderWhere(db, shopId, q, now);
  const [total, rows] = await Promise.all([
    db.backorderLine.count({ where }),
    db.backorderLine.findMany({
      where,
      orderBy: backorderOrderBy(q),
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    }),
  ]);
  return { items: await describeBackorders(db, shopId, rows), total, page: q.page, pageSize: q.pageSize };
}

type Row = Awaited<ReturnType<Db["backorderLine"]["findMany"]>>[number];

export async function describeBackorders(db: Db, shopId: string, rows: Row[]): Promise<BackorderListItem[]> {
  const lineItemIds = rows.map((r) => r.lineItemId);
  const [orders, variants, lines, events] = await Promise.all([
    db.order.findMany({
      where: { shopId, orderId: { in: rows.map((r) => r.orderId) } },
      select: { orderId: true, name: true, email: true, customerFirstName: true },
    }),
    db.variant.findMany({
      where: { shopId, variantId: { in: rows.map((r) => r.variantId) } },
      select: { variantId: true, productId: true, title: true, sku: true },
    }),
    db.orderLine.findMany({
      where: { shopId, lineItemId: { in: lineItemIds } },
      select: { lineItemId: true, title: true, quantity: true },
    }),
    db.backorderLineEvent.findMany({
      where: { shopId, lineItemId: { in: lineItemIds } },
      orderBy: [{ at: "asc" }, { id: "asc" }],
    }),
  ]);
  const orderOf = new Map(orders.map((o) => [o.orderId, o]));
  const variant = new Map(variants.map((v) => [v.variantId, v]));
  const orderLine = new Map(lines.map((l) => [l.lineItemId, l]));
  const historyOf = new Map<bigint, BackorderHistoryEntry[]>();
  for (const e of events) {
    const list = historyOf.get(e.lineItemId) ?? [];
    list.push({
      at: e.at.toISOString(),
      kind: e.kind,
      status: e.status,
      quantity: e.quantity,
      backorderedQuantity: e.backorderedQuantity,
    });
    historyOf.set(e.lineItemId, list);
  }
  const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return rows.map((r) => {
    const v = variant.get(r.variantId);
    const order = orderOf.get(r.orderId);
    const ordered = orderLine.get(r.lineItemId)?.quantity ?? null;
    return {
      id: r.id,
      orderId: String(r.orderId),
      orderName: order?.name ?? null,
      customer: order?.customerFirstName || order?.email || null,
      customerEmail: order?.email ?? null,
      lineItemId: String(r.lineItemId),
      variantId: String(r.variantId),
      productId: v ? String(v.productId) : null,
      productTitle: orderLine.get(r.lineItemId)?.title ?? null,
      variantTitle: v?.title ?? null,
      sku: v?.sku ?? null,
      status: r.status,
      quantity: r.quantity,
      backorderedQuantity: r.backorderedQuantity,
      orderedQuantity: ordered,
      initialBackorderedQuantity: r.initialBackordered,
      peakBackorderedQuantity: r.peakBackordered,
      backorderType: backorderMix(ordered, r.peakBackordered),
      history: historyOf.get(r.lineItemId) ?? [],
      etaAtOrder: day(r.etaAtOrder),
      etaCurrent: day(r.etaCurrent),
      placedAt: r.placedAt.toISOString(),
      openedAt: r.openedAt.toISOString(),
      readyAt: iso(r.readyAt),
      fulfilledAt: iso(r.fulfilledAt),
      cancelledAt: iso(r.cancelledAt),
    };
  });
}

import type { OrderDiscount } from "@prisma/client";
import type { Db } from "../db/create-prisma.ts";
import type { SqlPool } from "../db/create-sql-pool.ts";
import { DISCOUNT_HOLD_SQL } from "../notifications/batch-lookup-sql.ts";
import type { Queues } from "../queues/create-queues.ts";
import { createOrderDiscountJob, orderDiscountJobId } from "../queues/definitions/create-order-discount.ts";

/**
 * What an order email shows of the order's discount code: `ready` (created on Shopify), `none`
 * (the feature is off and the order has no code), `missing` (the code is still to be created: the
 * email waits for the create-order-discount job), or `retry` (Shopify refused it for good, or its
 * creation gave up or is lost: this email goes without one, and the code is asked for again for the
 * order's later emails, as the order's next email always did).
 */
export type OrderDiscountState =
  { state: "ready"; row: OrderDiscount } | { state: "none" } | { state: "missing" } | { state: "retry" };

/** Kinds of email that show the order's code (the templates' `discount` variables). */
export const DISCOUNT_EMAIL_KINDS: readonly string[] = ["backorder_confirmation", "eta_changed"];

/**
 * An email waits at most this long for its code (the row's age): past it, it goes without one, so a
 * creation job lost for good cannot hold an order's emails back.
 */
export const DISCOUNT_WAIT_LIMIT_MS = 60 * 60 * 1000;

/** Pure: the state from the order's row and the shop's setting. */
export function decideOrderDiscount(
  row: OrderDiscount | null,
  discountEnabled: boolean,
  now: Date,
): OrderDiscountState {
  if (row?.status === "CREATED") return { state: "ready", row };
  if (row?.status === "FAILED") return { state: "retry" };
  if (!row) return discountEnabled ? { state: "missing" } : { state: "none" };
  return now.getTime() - row.createdAt.getTime() > DISCOUNT_WAIT_LIMIT_MS
    ? { state: "retry" }
    : { state: "missing" };
}

export async function readOrderDiscount(
  db: Db,
  shopId: string,
  orderId: bigint,
  now: Date,
): Promise<OrderDiscountState> {
  const row = await db.orderDiscount.findUnique({ where: { shopId_orderId: { shopId, orderId } } });
  if (row?.status === "CREATED" || row?.status === "FAILED") return decideOrderDiscount(row, false, now);
  const settings = await db.shopSettings.findUnique({
    where: { shopId },
    select: { discountEnabled: true },
  });
  return decideOrderDiscount(row, settings?.discountEnabled ?? false, now);
}

/**
 * Of the emails `ids`, those whose order's code is still to be created: they are held back (not
 * claimed, not rendered) and the create-order-discount job is asked for each of their orders
 * (also for a `retry` order, whose email is not held).
 */
export async function holdEmailsForDiscount(
  deps: { db: Db; sql: Pick<SqlPool, "query">; queues: Queues; now: () => Date },
  shopId: string,
  ids: string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  // By primary key, whatever the statistics say (batch-lookup-sql.ts): a Prisma `id in (...)` read
  // walked every PENDING row of the shop for each batch of a wave just written.
  const { rows } = await deps.sql.query<{ id: string; orderId: string }>(DISCOUNT_HOLD_SQL, [
    ids,
    shopId,
    DISCOUNT_EMAIL_KINDS,
  ]);
  if (rows.length === 0) return new Set();
  const now = deps.now();
  const orders = [...new Set(rows.map((r) => r.orderId))];
  const states = await Promise.all(
    orders.map((orderId) => readOrderDiscount(deps.db, shopId, BigInt(orderId), now)),
  );
  const missing = new Set(orders.filter((_, i) => states[i]!.state === "missing"));
  const asked = orders.filter((_, i) => states[i]!.state === "missing" || states[i]!.state === "retry");
  if (asked.length > 0)
    await enqueueOrderDiscounts(
      deps.queues,
      shopId,
      asked.map((orderId) => BigInt(orderId)),
    );
  return new Set(rows.filter((r) => missing.has(r.orderId)).map((r) => r.id));
}

/** Asks for the codes; an order whose job is already queued or running is not asked twice. */
export async function enqueueOrderDiscounts(
  queues: Queues,
  shopId: string,
  orderIds: bigint[],
): Promise<void> {
  await queues.enqueueBulk(
    createOrderDiscountJob,
    orderIds.map((orderId) => ({
      payload: { shopId, orderId: orderId.toString() },
      jobId: orderDiscountJobId(shopId, orderId),
    })),
  );
}

/** The creation job gave up (retries used up): the order's emails go without a code. */
export async function markOrderDiscountFailed(db: Db, shopId: string, orderId: bigint): Promise<void> {
  await db.orderDiscount.updateMany({
    where: { shopId, orderId, status: "PENDING" },
    data: { status: "FAILED" },
  });
}

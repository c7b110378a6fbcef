import type { Db } from "../db/create-prisma.ts";
import { gidToId } from "../inventory/variant-state.ts";
import type { AdminClient } from "../shopify/admin/create-admin-client.ts";
import { updateRun } from "./order-reconciliation-runs.ts";
import {
  pointAfterPage,
  reconcileFrom,
  recoveryTopic,
  type OrderTopic,
} from "./plan-order-reconciliation.ts";
import { readUpdatedOrders } from "./read-updated-orders.ts";
import { toOrderWebhookPayload } from "./to-order-webhook-payload.ts";

/** Hands a payload to the webhook handlers of the topic, as a delivery would. */
export type FeedOrder = (topic: OrderTopic, payload: Record<string, unknown>) => Promise<void>;

export type ReconcileOrdersDeps = {
  db: Db;
  client: () => Promise<AdminClient>;
  now: () => Date;
  feed: FeedOrder;
};

export type ReconcileOrdersResult = {
  read: number;
  processed: number;
  recovered: number;
  /** False when a newer run took over the shop midway (this one stopped). */
  completed: boolean;
};

/**
 * One run of order reconciliation for a shop (docs/order-reconciliation.md): reads the orders
 * updated since the reconciled point (less the overlap), feeds each one whose latest version the
 * app lacks through the webhook handlers, and moves the point on page by page, so a crash resumes
 * where it stopped. The handlers are idempotent, so an order fed here and its late webhook make one
 * effect. Progress is written to the run's row as it goes.
 */
export async function reconcileShopOrders(
  deps: ReconcileOrdersDeps,
  shopId: string,
  runId: string,
): Promise<ReconcileOrdersResult> {
  const { db } = deps;
  const [shop, state] = await Promise.all([
    db.shop.findUniqueOrThrow({ where: { id: shopId }, select: { installedAt: true } }),
    db.orderReconciliation.findUniqueOrThrow({ where: { shopId } }),
  ]);
  const runStartedAt = deps.now();
  const totals = {
    read: state.ordersRead,
    processed: state.ordersProcessed,
    recovered: state.ordersRecovered,
  };
  if (state.runId !== runId) return { ...totals, completed: false };
  await updateRun(db, shopId, runId, { status: "RUNNING", startedAt: runStartedAt });
  let point = state.reconciledThrough;
  const from = reconcileFrom({ reconciledThrough: point, installedAt: shop.installedAt, now: runStartedAt });

  for await (const page of readUpdatedOrders(await deps.client(), from)) {
    totals.read += page.length;
    if (!(await updateRun(db, shopId, runId, { ordersRead: totals.read })))
      return { ...totals, completed: false };
    const stored = new Map(
      (
        await db.order.findMany({
          where: { shopId, orderId: { in: page.map(({ order }) => gidToId(order.id)) } },
          select: { orderId: true, shopifyUpdatedAt: true },
        })
      ).map((o) => [o.orderId, o.shopifyUpdatedAt]),
    );
    for (const { order, lines } of page) {
      const topic = recoveryTopic({
        storedUpdatedAt: stored.get(gidToId(order.id)),
        updatedAt: new Date(order.updatedAt),
        createdAt: new Date(order.createdAt),
        from,
      });
      if (topic) {
        await deps.feed(topic, toOrderWebhookPayload(order, lines));
        totals.recovered += 1;
      }
      totals.processed += 1;
    }
    const last = page.at(-1);
    if (last)
      point = pointAfterPage({ current: point, lastUpdatedAt: new Date(last.order.updatedAt), runStartedAt });
    const current = await updateRun(db, shopId, runId, {
      ordersProcessed: totals.processed,
      ordersRecovered: totals.recovered,
      reconciledThrough: point,
    });
    if (!current) return { ...totals, completed: false };
  }
  // Everything Shopify had changed before the run started has been read.
  await updateRun(db, shopId, runId, {
    status: "DONE",
    finishedAt: deps.now(),
    reconciledThrough: pointAfterPage({ current: point, lastUpdatedAt: runStartedAt, runStartedAt }),
  });
  return { ...totals, completed: true };
}

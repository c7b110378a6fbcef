import { UnrecoverableError } from "bullmq";
import type { AdminClient } from "../shopify/admin/create-admin-client.ts";
import { ORDER_METAFIELDS_SET_MUTATION } from "../shopify/admin/documents/index.ts";
import type { Db } from "../db/create-prisma.ts";
import { toGid } from "../inventory/variant-state.ts";

/** metafieldsSet takes at most 25 metafields per call (docs/shopify-platform.md, "Admin API limits"). */
const BATCH = 25;
export const ORDER_SUMMARY_NAMESPACE = "$app:backorder";
export const ORDER_SUMMARY_KEY = "summary";

type SetResult = { metafieldsSet: { userErrors: { field: string[] | null; message: string }[] } };

/**
 * Writes the `$app:backorder.summary` JSON metafield of every order whose backorder rows changed
 * (Order.summaryDirtyAt), 25 orders per call: one call instead of 25 keeps a busy shop's bucket for
 * the tags. The summary lists the order's OPEN lines with units and ETA; [] once none is left.
 * A row is marked clean only if it did not change again while the call was in flight.
 */
export async function pushOrderSummaries(
  deps: { db: Db; client: () => Promise<AdminClient> },
  shopId: string,
): Promise<number> {
  let pushed = 0;
  let client: AdminClient | null = null;
  const errors: string[] = [];
  for (;;) {
    const orders = await deps.db.order.findMany({
      where: { shopId, summaryDirtyAt: { not: null } },
      select: { id: true, orderId: true, summaryDirtyAt: true },
      orderBy: { summaryDirtyAt: "asc" },
      take: BATCH,
    });
    if (orders.length === 0) break;
    const lines = await deps.db.backorderLine.findMany({
      where: { shopId, orderId: { in: orders.map((o) => o.orderId) }, status: "OPEN" },
      orderBy: { lineItemId: "asc" },
    });
    client ??= await deps.client();
    const data = await client.request<SetResult>(ORDER_METAFIELDS_SET_MUTATION, {
      metafields: orders.map((order) => ({
        ownerId: toGid("Order", order.orderId),
        namespace: ORDER_SUMMARY_NAMESPACE,
        key: ORDER_SUMMARY_KEY,
        type: "json",
        value: JSON.stringify(
          lines
            .filter((l) => l.orderId === order.orderId)
            .map((l) => ({
              line_item_id: String(l.lineItemId),
              variant_id: String(l.variantId),
              backordered_quantity: l.backorderedQuantity,
              eta: l.etaCurrent ? l.etaCurrent.toISOString().slice(0, 10) : null,
            })),
        ),
      })),
    });
    // A rejected batch (e.g. an order deleted on Shopify) cannot succeed on retry: it is marked
    // clean like the others, so it does not block the shop's later summaries, and reported below.
    errors.push(...data.metafieldsSet.userErrors.map((e) => e.message));
    for (const order of orders) {
      await deps.db.order.updateMany({
        where: { id: order.id, summaryDirtyAt: order.summaryDirtyAt },
        data: { summaryDirtyAt: null },
      });
    }
    pushed += orders.length;
  }
  if (errors.length > 0) throw new UnrecoverableError(`order summaries rejected: ${errors.join("; ")}`);
  return pushed;
}

import type { AdminClient } from "../shopify/admin/create-admin-client.ts";
import { ORDER_LINE_ITEMS_QUERY, ORDERS_UPDATED_SINCE_QUERY } from "../shopify/admin/documents/index.ts";
import { orderLinesSchema, ordersPageSchema, type LineNode, type OrderNode } from "./order-node.ts";
import { updatedSinceSearch } from "./plan-order-reconciliation.ts";

export type ReadOrder = { order: OrderNode; lines: LineNode[] };

/**
 * Pages through the shop's orders updated after `from`, oldest change first (Admin GraphQL, the
 * client waits out throttling). Each order comes with all its lines: an order with more than a
 * page's worth is completed with further reads.
 */
export async function* readUpdatedOrders(client: AdminClient, from: Date): AsyncGenerator<ReadOrder[]> {
  const query = updatedSinceSearch(from);
  let after: string | null = null;
  do {
    const { orders } = ordersPageSchema.parse(
      await client.request(ORDERS_UPDATED_SINCE_QUERY, { query, after }),
    );
    const page: ReadOrder[] = [];
    for (const order of orders.nodes) page.push({ order, lines: await allLines(client, order) });
    yield page;
    after = orders.pageInfo.hasNextPage ? (orders.pageInfo.endCursor ?? null) : null;
  } while (after);
}

async function allLines(client: AdminClient, order: OrderNode): Promise<LineNode[]> {
  const lines = [...order.lineItems.nodes];
  let info = order.lineItems.pageInfo;
  while (info.hasNextPage && info.endCursor) {
    const { order: more } = orderLinesSchema.parse(
      await client.request(ORDER_LINE_ITEMS_QUERY, { id: order.id, after: info.endCursor }),
    );
    // Gone between the two reads (deleted): what was read is what there is.
    if (!more) break;
    lines.push(...more.lineItems.nodes);
    info = more.lineItems.pageInfo;
  }
  return lines;
}

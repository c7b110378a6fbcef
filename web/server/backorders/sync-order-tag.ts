import { UnrecoverableError } from "bullmq";
import type { AdminClient } from "../shopify/admin/create-admin-client.ts";
import { ORDER_TAGS_ADD_MUTATION, ORDER_TAGS_REMOVE_MUTATION } from "../shopify/admin/documents/index.ts";
import type { Db } from "../db/create-prisma.ts";
import { toGid } from "../inventory/variant-state.ts";

type TagResult = { node: { id: string } | null; userErrors: { field: string[] | null; message: string }[] };

export type SyncTagOutcome = "added" | "removed" | "unchanged";

/**
 * Makes the order carry the shop's backorder tag exactly while one of its lines is OPEN. Decided
 * from the database when the job runs, so a retried or late job does the right thing. Order.tags
 * is Shopify's view from the last order webhook (plus our own writes): when it already agrees, no
 * call is made. The order webhook handler re-checks the tag on every update, so a stale view that
 * skipped a needed call is corrected by the next orders/updated.
 */
export async function syncOrderTag(
  deps: { db: Db; client: () => Promise<AdminClient> },
  shopId: string,
  orderId: bigint,
): Promise<SyncTagOutcome> {
  const order = await deps.db.order.findUnique({
    where: { shopId_orderId: { shopId, orderId } },
    select: { id: true, tags: true },
  });
  if (!order) return "unchanged";
  const desired = await orderShouldBeTagged(deps.db, shopId, orderId);
  const tag = await shopOrderTag(deps.db, shopId);
  const present = order.tags.includes(tag);
  if (desired === present) return "unchanged";

  const client = await deps.client();
  const document = desired ? ORDER_TAGS_ADD_MUTATION : ORDER_TAGS_REMOVE_MUTATION;
  const data = await client.request<{ tagsAdd?: TagResult; tagsRemove?: TagResult }>(document, {
    id: toGid("Order", orderId),
    tags: [tag],
  });
  const result = desired ? data.tagsAdd : data.tagsRemove;
  if (result && result.userErrors.length > 0) {
    throw new UnrecoverableError(
      `tags on order ${orderId}: ${result.userErrors.map((e) => e.message).join("; ")}`,
    );
  }
  // Record our write so the next run does not repeat it before Shopify's orders/updated arrives.
  const tags = desired ? [...new Set([...order.tags, tag])] : order.tags.filter((t) => t !== tag);
  await deps.db.order.update({ where: { id: order.id }, data: { tags } });
  return desired ? "added" : "removed";
}

export async function orderShouldBeTagged(db: Db, shopId: string, orderId: bigint): Promise<boolean> {
  return (await db.backorderLine.count({ where: { shopId, orderId, status: "OPEN" } })) > 0;
}

export async function shopOrderTag(db: Db, shopId: string): Promise<string> {
  const settings = await db.shopSettings.findUnique({ where: { shopId }, select: { orderTag: true } });
  return settings?.orderTag.trim() || "backorder";
}

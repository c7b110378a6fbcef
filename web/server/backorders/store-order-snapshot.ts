import type { Prisma } from "@prisma/client";
import type { Db } from "../db/create-prisma.ts";
import type { OrderSnapshot } from "./parse-order-payload.ts";

export type StoreOrderResult = {
  outcome: "stored" | "stale";
  /** Variants whose lines of this order are new or changed: each needs a recompute. */
  changedVariantIds: bigint[];
  /** Variants this app had never seen: their item and levels must be read from the Admin API. */
  unknownVariantIds: bigint[];
};

/**
 * Upserts an order and its lines from a webhook. An older updated_at than the stored one changes
 * nothing. Webhooks print whole seconds, so two payloads may carry the same updated_at: open
 * quantities only ever shrink (fulfilment, cancellation), so for a tie the smaller one wins and a
 * cancellation sticks, which makes the result independent of delivery order.
 */
export async function storeOrderSnapshot(
  db: Db,
  shopId: string,
  snap: OrderSnapshot,
): Promise<StoreOrderResult> {
  return db.$transaction(async (tx) => {
    const [existing] = await tx.$queryRaw<
      { id: string; shopifyUpdatedAt: Date | null; cancelledAt: Date | null }[]
    >`
      SELECT "id", "shopifyUpdatedAt", "cancelledAt" FROM "Order"
      WHERE "shopId" = ${shopId} AND "orderId" = ${snap.orderId} FOR UPDATE`;
    const storedAt = existing?.shopifyUpdatedAt?.getTime() ?? null;
    if (storedAt !== null && storedAt > snap.updatedAt.getTime()) {
      return { outcome: "stale", changedVariantIds: [], unknownVariantIds: [] };
    }
    const tie = storedAt === snap.updatedAt.getTime();
    const fields = {
      name: snap.name,
      email: snap.email,
      customerId: snap.customerId,
      customerTags: snap.customerTags,
      customerFirstName: snap.customerFirstName,
      tags: snap.tags,
      locale: snap.locale,
      currency: snap.currency,
      totalPrice: snap.totalPrice,
      statusUrl: snap.statusUrl,
      placedAt: snap.placedAt,
      cancelledAt: tie ? (existing?.cancelledAt ?? snap.cancelledAt) : snap.cancelledAt,
      closedAt: snap.closedAt,
      shopifyUpdatedAt: snap.updatedAt,
    };
    const order = await tx.order.upsert({
      where: { shopId_orderId: { shopId, orderId: snap.orderId } },
      create: { shopId, orderId: snap.orderId, ...fields },
      update: fields,
      select: { id: true },
    });
    const changed = await upsertLines(tx, shopId, order.id, snap, tie);
    const unknown = await ensureVariants(tx, shopId, snap);
    return { outcome: "stored", changedVariantIds: [...changed], unknownVariantIds: unknown };
  });
}

async function upsertLines(
  tx: Prisma.TransactionClient,
  shopId: string,
  orderRef: string,
  snap: OrderSnapshot,
  tie: boolean,
): Promise<Set<bigint>> {
  const stored = new Map(
    (
      await tx.orderLine.findMany({
        where: { shopId, lineItemId: { in: snap.lines.map((l) => l.lineItemId) } },
        select: { lineItemId: true, openQuantity: true },
      })
    ).map((l) => [l.lineItemId, l.openQuantity]),
  );
  const changed = new Set<bigint>();
  for (const line of snap.lines) {
    const before = stored.get(line.lineItemId);
    const openQuantity =
      tie && before !== undefined ? Math.min(before, line.openQuantity) : line.openQuantity;
    if (before === openQuantity) continue;
    if (line.variantId !== null) changed.add(line.variantId);
    const fields = {
      variantId: line.variantId,
      productId: line.productId,
      title: line.title,
      sku: line.sku,
      quantity: line.quantity,
      openQuantity,
      price: line.price,
      placedAt: snap.placedAt,
    };
    await tx.orderLine.upsert({
      where: { shopId_lineItemId: { shopId, lineItemId: line.lineItemId } },
      create: { shopId, orderRef, lineItemId: line.lineItemId, ...fields },
      update: fields,
    });
  }
  return changed;
}

/** Variants first seen on an order get a row from the line (tracked from variant_inventory_management). */
async function ensureVariants(
  tx: Prisma.TransactionClient,
  shopId: string,
  snap: OrderSnapshot,
): Promise<bigint[]> {
  const lines = snap.lines.filter((l) => l.variantId !== null && l.productId !== null);
  if (lines.length === 0) return [];
  const known = new Set(
    (
      await tx.variant.findMany({
        where: { shopId, variantId: { in: lines.map((l) => l.variantId!) } },
        select: { variantId: true },
      })
    ).map((v) => v.variantId),
  );
  const unknown = lines.filter((l) => !known.has(l.variantId!));
  await tx.variant.createMany({
    data: unknown.map((l) => ({
      shopId,
      variantId: l.variantId!,
      productId: l.productId!,
      title: l.variantTitle ?? "",
      sku: l.sku,
      price: l.price,
      tracked: l.tracked,
    })),
    skipDuplicates: true,
  });
  return [...new Set(unknown.map((l) => l.variantId!))];
}

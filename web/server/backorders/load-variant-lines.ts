import type { Prisma } from "@prisma/client";
import type { OpenLine } from "./allocate-backorders.ts";
import type { BackorderStatus, ExistingBackorder } from "./plan-backorder-transitions.ts";

export type VariantLines = {
  lines: (OpenLine & { placedAt: Date })[];
  /** Stored rows, with the peak backordered units the history keeps. */
  existing: (ExistingBackorder & { peakBackordered: number | null })[];
};

/**
 * The lines allocation needs for one variant: every open line, plus lines whose backorder row is
 * still live (so they can close as fulfilled or cancelled). Fully fulfilled history stays out,
 * which keeps this bounded by the open work, whatever the shop's age. Uses the
 * (shopId, variantId, placedAt) and (shopId, variantId, status) indexes.
 */
export async function loadVariantLines(
  tx: Prisma.TransactionClient,
  shopId: string,
  variantId: bigint,
): Promise<VariantLines> {
  const live = await tx.backorderLine.findMany({
    where: { shopId, variantId, status: { in: ["OPEN", "READY"] } },
    select: { lineItemId: true },
  });
  const rows = await tx.orderLine.findMany({
    where: {
      shopId,
      variantId,
      OR: [{ openQuantity: { gt: 0 } }, { lineItemId: { in: live.map((l) => l.lineItemId) } }],
    },
    select: {
      lineItemId: true,
      openQuantity: true,
      placedAt: true,
      order: { select: { orderId: true, cancelledAt: true } },
    },
  });
  const existing = await tx.backorderLine.findMany({
    where: { shopId, lineItemId: { in: rows.map((r) => r.lineItemId) } },
    select: {
      lineItemId: true,
      orderId: true,
      status: true,
      quantity: true,
      backorderedQuantity: true,
      openedAt: true,
      peakBackordered: true,
    },
  });
  return {
    lines: rows.map((row) => ({
      lineItemId: row.lineItemId,
      orderId: row.order.orderId,
      placedAt: row.placedAt,
      openQuantity: row.openQuantity,
      cancelled: row.order.cancelledAt !== null,
    })),
    existing: existing.map((row) => ({ ...row, status: row.status as BackorderStatus })),
  };
}

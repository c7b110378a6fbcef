import type { Prisma } from "@prisma/client";
import type { Transition } from "./plan-backorder-transitions.ts";

export type NewLineFacts = {
  variantId: bigint;
  placedAt: (lineItemId: bigint) => Date;
  eta: (placedAt: Date) => Date | null;
};

/** Writes planned transitions to BackorderLine rows (inside the caller's transaction). */
export async function applyBackorderTransitions(
  tx: Prisma.TransactionClient,
  shopId: string,
  transitions: readonly Transition[],
  facts: NewLineFacts,
  etaNow: Date | null,
): Promise<void> {
  const creates = transitions.filter((t) => t.kind === "create");
  if (creates.length > 0) {
    await tx.backorderLine.createMany({
      data: creates.map((t) => {
        const placedAt = facts.placedAt(t.lineItemId);
        const eta = facts.eta(placedAt);
        return {
          shopId,
          orderId: t.orderId,
          lineItemId: t.lineItemId,
          variantId: facts.variantId,
          status: "OPEN" as const,
          quantity: t.quantity,
          backorderedQuantity: t.backorderedQuantity,
          etaAtOrder: eta,
          etaCurrent: eta,
          placedAt,
          openedAt: t.openedAt,
        };
      }),
      skipDuplicates: true,
    });
  }
  for (const t of transitions) {
    if (t.kind === "create") continue;
    const where = { shopId_lineItemId: { shopId, lineItemId: t.lineItemId } };
    const quantities = { quantity: t.quantity, backorderedQuantity: t.backorderedQuantity, status: t.to };
    switch (t.kind) {
      case "update":
        await tx.backorderLine.update({ where, data: quantities });
        break;
      case "ready":
        await tx.backorderLine.update({ where, data: { ...quantities, readyAt: t.at } });
        break;
      case "reopen":
        // A new episode: the ready time of the last one no longer describes the line.
        await tx.backorderLine.update({
          where,
          data: { ...quantities, openedAt: t.openedAt, readyAt: null, fulfilledAt: null, etaCurrent: etaNow },
        });
        break;
      case "fulfill":
        await tx.backorderLine.update({ where, data: { ...quantities, fulfilledAt: t.at } });
        break;
      case "cancel":
        await tx.backorderLine.update({ where, data: { ...quantities, cancelledAt: t.at } });
        break;
    }
  }
}

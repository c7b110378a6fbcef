import type { Prisma } from "@prisma/client";
import { raisePeak } from "./backorder-line-history.ts";
import type { Transition } from "./plan-backorder-transitions.ts";

export type NewLineFacts = {
  variantId: bigint;
  placedAt: (lineItemId: bigint) => Date;
  eta: (placedAt: Date) => Date | null;
  /** The stored line's peak backordered units before these transitions (null: unknown or new). */
  peakBackordered: (lineItemId: bigint) => number | null;
};

/**
 * Writes planned transitions to BackorderLine rows and one BackorderLineEvent per transition
 * (inside the caller's transaction, so a line and its history never disagree). A retried
 * recompute plans no transition, so it writes no second event.
 */
export async function applyBackorderTransitions(
  tx: Prisma.TransactionClient,
  shopId: string,
  transitions: readonly Transition[],
  facts: NewLineFacts,
  etaNow: Date | null,
): Promise<void> {
  const creates = transitions.filter((t) => t.kind === "create");
  const created = new Set<bigint>();
  if (creates.length > 0) {
    const rows = await tx.backorderLine.createManyAndReturn({
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
          initialBackordered: t.backorderedQuantity,
          peakBackordered: t.backorderedQuantity,
          etaAtOrder: eta,
          etaCurrent: eta,
          placedAt,
          openedAt: t.openedAt,
        };
      }),
      select: { lineItemId: true },
      skipDuplicates: true,
    });
    for (const row of rows) created.add(row.lineItemId);
  }
  for (const t of transitions) {
    if (t.kind === "create") continue;
    const where = { shopId_lineItemId: { shopId, lineItemId: t.lineItemId } };
    const quantities = {
      quantity: t.quantity,
      backorderedQuantity: t.backorderedQuantity,
      peakBackordered: raisePeak(facts.peakBackordered(t.lineItemId), t.backorderedQuantity),
      status: t.to,
    };
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
  // A create skipped as a duplicate changed nothing, so it has no event either.
  const recorded = transitions.filter((t) => t.kind !== "create" || created.has(t.lineItemId));
  if (recorded.length > 0) {
    await tx.backorderLineEvent.createMany({
      data: recorded.map((t) => ({
        shopId,
        lineItemId: t.lineItemId,
        kind: t.kind,
        status: t.to,
        quantity: t.quantity,
        backorderedQuantity: t.backorderedQuantity,
        at: t.at,
      })),
    });
  }
}

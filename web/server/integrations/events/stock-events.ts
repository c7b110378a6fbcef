import type { Queues } from "../../queues/create-queues.ts";
import type { Db } from "../../db/create-prisma.ts";
import { emitIntegrationEvent } from "./emit-integration-event.ts";
import { variantSummary } from "./event-fields.ts";

/** variant.back_in_stock for one recorded restock (someone was waiting): one event per restock. */
export async function emitBackInStock(
  deps: { db: Db; queues: Queues },
  shopId: string,
  restock: { variantId: bigint; restockEventId: string; available: number },
): Promise<void> {
  const subscribersWaiting = await deps.db.subscription.count({
    where: { shopId, variantId: restock.variantId, status: "ACTIVE" },
  });
  await emitIntegrationEvent(deps, shopId, {
    type: "variant.back_in_stock",
    key: restock.restockEventId,
    data: {
      variant: await variantSummary(deps.db, shopId, restock.variantId),
      available: restock.available,
      subscribersWaiting,
    },
  });
}

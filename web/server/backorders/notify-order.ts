import type { Prisma } from "@prisma/client";
import type { Queues } from "../queues/create-queues.ts";
import type { Db } from "../db/create-prisma.ts";
import { enqueueNotifications, type NotificationRequest } from "../notifications/enqueue-notification.ts";
import { readyQuantity } from "./backorder-line-history.ts";
import { buildOrderEmailContext, type EmailLine } from "./build-order-email-context.ts";
import { planOrderEmails, type OrderEmailKind, type SentOrderEmail } from "./plan-order-emails.ts";
import type { BackorderStatus } from "./plan-backorder-transitions.ts";

const KINDS: OrderEmailKind[] = ["backorder_confirmation", "eta_changed", "backorder_ready"];

/** The ledger key of an order's one backorder confirmation. */
export const confirmationKey = (shopId: string, orderId: bigint) =>
  `backorder_confirmation:${shopId}:${orderId}`;

/**
 * Decides and records the order's backorder emails under the Order row lock (so two runs cannot
 * both plan "the second ready email"), then enqueues their sends after commit. Keys:
 * backorder_confirmation:<shopId>:<orderId>, eta_changed|backorder_ready:<shopId>:<orderId>:<n>.
 */
export async function notifyOrder(
  deps: { db: Db; queues: Queues },
  shopId: string,
  orderId: bigint,
): Promise<number> {
  const requests = await deps.db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "Order" WHERE "shopId" = ${shopId} AND "orderId" = ${orderId} FOR UPDATE`;
    if (!locked) return [];
    const order = await tx.order.findUniqueOrThrow({ where: { id: locked.id } });
    const settings = await tx.shopSettings.findUnique({ where: { shopId } });
    const lines = await loadEmailLines(tx, shopId, orderId);
    const history = await tx.notification.findMany({
      where: { shopId, orderId, kind: { in: KINDS } },
      orderBy: { createdAt: "asc" },
      select: { kind: true, context: true, createdAt: true, idempotencyKey: true },
    });
    const planned = planOrderEmails({
      lines,
      sent: history.map(toSentEmail),
      settings: {
        confirmation: settings?.emailBackorderConfirmation ?? true,
        etaChanged: settings?.emailEtaChanged ?? true,
        ready: settings?.emailBackorderReady ?? true,
      },
      reachable: order.cancelledAt === null && Boolean(order.email),
    });
    const made: NotificationRequest[] = planned.map((email) => ({
      shopId,
      kind: email.kind,
      idempotencyKey:
        email.kind === "backorder_confirmation"
          ? confirmationKey(shopId, orderId)
          : `${email.kind}:${shopId}:${orderId}:${email.sequence}`,
      recipient: order.email!,
      locale: order.locale ?? "en",
      orderId,
      context: buildOrderEmailContext(order, email.lines, order.locale ?? "en"),
    }));
    // Written inside the lock; the sends are enqueued after commit (below), and a retry of this
    // job enqueues any row of the order still waiting.
    await tx.notification.createMany({
      data: made.map((r) => ({ ...r, locale: r.locale ?? "en", context: r.context ?? {} })),
      skipDuplicates: true,
    });
    // Decided on the state as of the lock: whatever marked the order before is settled. A later
    // transition waits for this lock and marks it again.
    if (order.notifyDirtyAt)
      await tx.order.update({ where: { id: order.id }, data: { notifyDirtyAt: null } });
    return made;
  });
  await enqueueNotifications(deps, requests);
  await requeueWaiting(deps, shopId, orderId);
  return requests.length;
}

/** The order's backorder lines as its emails list them (title, units, current ETA and message). */
export async function loadEmailLines(
  tx: Prisma.TransactionClient,
  shopId: string,
  orderId: bigint,
): Promise<EmailLine[]> {
  const rows = await tx.backorderLine.findMany({
    where: { shopId, orderId },
    orderBy: { lineItemId: "asc" },
  });
  const orderLines = await tx.orderLine.findMany({
    where: { shopId, lineItemId: { in: rows.map((r) => r.lineItemId) } },
    select: { lineItemId: true, title: true, quantity: true },
  });
  const variants = await tx.variant.findMany({
    where: { shopId, variantId: { in: [...new Set(rows.map((r) => r.variantId))] } },
    select: { variantId: true, title: true },
  });
  const etas = await tx.variantEta.findMany({
    where: { shopId, variantId: { in: [...new Set(rows.map((r) => r.variantId))] } },
    select: { variantId: true, message: true },
  });
  // The unit history of the lines' current episodes: what a ready email reports as now ready.
  const episodeStart = rows.reduce((min, r) => (r.openedAt < min ? r.openedAt : min), new Date(8.64e15));
  const events = await tx.backorderLineEvent.findMany({
    where: { shopId, lineItemId: { in: rows.map((r) => r.lineItemId) }, at: { gte: episodeStart } },
    select: { lineItemId: true, backorderedQuantity: true, at: true },
  });
  const byLine = new Map(orderLines.map((l) => [l.lineItemId, l]));
  const variantTitle = new Map(variants.map((v) => [v.variantId, v.title]));
  const message = new Map(etas.map((e) => [e.variantId, e.message]));
  return rows.map((row) => ({
    lineItemId: row.lineItemId,
    status: row.status as BackorderStatus,
    quantity: row.quantity,
    backorderedQuantity: row.backorderedQuantity,
    orderedQuantity: byLine.get(row.lineItemId)?.quantity ?? row.quantity,
    readyQuantity: readyQuantity(
      row,
      events.filter((e) => e.lineItemId === row.lineItemId),
    ),
    eta: row.etaCurrent ? row.etaCurrent.toISOString().slice(0, 10) : null,
    title: byLine.get(row.lineItemId)?.title ?? "",
    variantTitle: variantTitle.get(row.variantId) ?? null,
    message: message.get(row.variantId) ?? null,
  }));
}

function toSentEmail(row: { kind: string; context: Prisma.JsonValue }): SentOrderEmail {
  const context = (row.context ?? {}) as { lines?: { line_item_id?: string; eta?: string | null }[] };
  return {
    kind: row.kind as OrderEmailKind,
    lines: (context.lines ?? [])
      .filter((l) => typeof l.line_item_id === "string")
      .map((l) => ({ lineItemId: BigInt(l.line_item_id!), eta: l.eta ?? null })),
  };
}

/** A crash between commit and enqueue leaves rows PENDING with no job: this run picks them up. */
async function requeueWaiting(deps: { db: Db; queues: Queues }, shopId: string, orderId: bigint) {
  const waiting = await deps.db.notification.findMany({
    where: { shopId, orderId, kind: { in: KINDS }, status: "PENDING" },
    select: { shopId: true, kind: true, idempotencyKey: true, recipient: true },
  });
  if (waiting.length === 0) return;
  await enqueueNotifications(
    deps,
    waiting.map((w) => ({ ...w, kind: w.kind as OrderEmailKind })),
  );
}

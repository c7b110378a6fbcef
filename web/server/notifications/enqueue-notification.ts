import type { Prisma } from "@prisma/client";
import type { Queues } from "../queues/create-queues.ts";
import { sendNotificationJob } from "../queues/definitions/send-notification.ts";
import type { Db } from "../db/create-prisma.ts";
import type { NotificationKind } from "./notification-kinds.ts";

export type NotificationRequest = {
  shopId: string;
  kind: NotificationKind;
  /**
   * What makes this email unique, e.g. `restock:<restockEventId>:<subscriptionId>` or
   * `backorder_confirmation:<orderId>`. The same key never produces a second email.
   */
  idempotencyKey: string;
  recipient: string;
  locale?: string;
  subscriptionId?: string;
  restockEventId?: string;
  orderId?: bigint;
  wave?: number;
  context?: Prisma.InputJsonValue;
};

/**
 * Writes ledger rows (PENDING) once per idempotency key and enqueues their sends. Safe to call
 * again with the same keys: existing rows are not duplicated and their jobs dedupe by id.
 * Returns the ids of rows that still need sending (new or PENDING/FAILED).
 */
export async function enqueueNotifications(
  deps: { db: Db; queues: Queues },
  requests: NotificationRequest[],
  opts: { delayMs?: number } = {},
): Promise<string[]> {
  if (requests.length === 0) return [];
  await deps.db.notification.createMany({
    data: requests.map((r) => ({
      shopId: r.shopId,
      kind: r.kind,
      idempotencyKey: r.idempotencyKey,
      recipient: r.recipient,
      locale: r.locale ?? "en",
      subscriptionId: r.subscriptionId ?? null,
      restockEventId: r.restockEventId ?? null,
      orderId: r.orderId ?? null,
      wave: r.wave ?? null,
      context: r.context,
    })),
    skipDuplicates: true,
  });
  const rows = await deps.db.notification.findMany({
    where: {
      idempotencyKey: { in: requests.map((r) => r.idempotencyKey) },
      status: { in: ["PENDING", "FAILED", "SENDING"] },
    },
    select: { id: true },
  });
  await deps.queues.enqueueBulk(
    sendNotificationJob,
    rows.map((row) => ({
      payload: { notificationId: row.id },
      jobId: `mail-${row.id}`,
      delay: opts.delayMs,
    })),
  );
  return rows.map((r) => r.id);
}

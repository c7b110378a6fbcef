import type { NotificationStatus, Prisma } from "@prisma/client";
import type { Db } from "../db/create-prisma.ts";
import { compareActivity, encodeCursor, type ActivityCursor } from "./activity-cursor.ts";

export type ActivityItem = {
  id: string;
  source: "notification" | "webhook";
  at: string;
  /** Notification kind (restock, ...) or webhook topic (orders/create, ...). */
  kind: string;
  status: string;
  recipient: string | null;
  attempts: number;
  error: string | null;
  sentAt: string | null;
};

export type ActivityQuery = {
  source: "all" | "notifications" | "webhooks";
  statuses: NotificationStatus[];
  limit: number;
  cursor: ActivityCursor | null;
};

const ERROR_PREVIEW = 500;

// Rows strictly after the cursor in the stream order of activity-cursor.ts.
function afterCursor(cursor: ActivityCursor | null, source: ActivityCursor["source"], timeField: string) {
  if (!cursor) return {};
  const older = { [timeField]: { lt: cursor.at } };
  if (cursor.source !== source) {
    // Webhook rows precede notification rows at the same instant.
    return source === "notification" ? { [timeField]: { lte: cursor.at } } : older;
  }
  const id = source === "webhook" ? BigInt(cursor.id) : cursor.id;
  return { OR: [older, { [timeField]: cursor.at, id: { lt: id } }] };
}

/** One page of the shop's audit trail: notifications and webhook events that failed or were skipped. */
export async function listActivity(db: Db, shop: { id: string; domain: string }, query: ActivityQuery) {
  const take = query.limit + 1;
  const notifications =
    query.source === "webhooks"
      ? []
      : await db.notification.findMany({
          where: {
            shopId: shop.id,
            ...(query.statuses.length > 0 ? { status: { in: query.statuses } } : {}),
            ...afterCursor(query.cursor, "notification", "createdAt"),
          } as Prisma.NotificationWhereInput,
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          take,
        });
  const webhooks =
    query.source === "notifications"
      ? []
      : await db.webhookEvent.findMany({
          where: {
            AND: [
              { shopDomain: shop.domain },
              { OR: [{ status: { in: ["FAILED", "SKIPPED"] } }, { lastError: { not: null } }] },
              afterCursor(query.cursor, "webhook", "receivedAt") as Prisma.WebhookEventWhereInput,
            ],
          },
          orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
          take,
          select: {
            id: true,
            topic: true,
            status: true,
            attempts: true,
            lastError: true,
            receivedAt: true,
            processedAt: true,
          },
        });

  const merged = [
    ...notifications.map((n) => ({
      key: { at: n.createdAt, source: "notification" as const, id: n.id },
      item: {
        id: n.id,
        source: "notification" as const,
        at: n.createdAt.toISOString(),
        kind: n.kind,
        status: n.status,
        // In full: the merchant's own customer, in their own admin (docs/admin-contract.md); logs stay masked.
        recipient: n.recipient,
        attempts: n.attempts,
        error: n.lastError?.slice(0, ERROR_PREVIEW) ?? null,
        sentAt: n.sentAt?.toISOString() ?? null,
      },
    })),
    ...webhooks.map((w) => ({
      key: { at: w.receivedAt, source: "webhook" as const, id: w.id.toString() },
      item: {
        id: w.id.toString(),
        source: "webhook" as const,
        at: w.receivedAt.toISOString(),
        kind: w.topic,
        status: w.status,
        recipient: null,
        attempts: w.attempts,
        error: w.lastError?.slice(0, ERROR_PREVIEW) ?? null,
        sentAt: null,
      },
    })),
  ].sort((a, b) => compareActivity(a.key, b.key));

  const page = merged.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((p) => p.item satisfies ActivityItem),
    nextCursor: merged.length > query.limit && last ? encodeCursor(last.key) : null,
  };
}

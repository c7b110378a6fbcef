import type { SubscriptionStatus } from "@prisma/client";
import { z } from "zod";
import type { Db } from "../db/create-prisma.ts";

export const subscriberListQuerySchema = z.object({
  status: z.enum(["PENDING", "ACTIVE", "NOTIFIED", "UNSUBSCRIBED", "EXPIRED"]).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  // The last row shown (createdAt ISO + id): keyset paging stays exact while signups arrive.
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,200}$/)
    .optional(),
});

export type SubscriberView = {
  id: string;
  variantId: string;
  /** In full: the merchant's own customers, in their own admin (the activity log stays masked). Null for a phone-only alert. */
  email: string | null;
  /** In full too (E.164); null without SMS consent. */
  phone: string | null;
  status: string;
  locale: string;
  marketingConsent: boolean;
  createdAt: string;
  confirmedAt: string | null;
  notifiedAt: string | null;
};

type Cursor = { createdAt: Date; id: string };

function encodeCursor(c: Cursor): string {
  return Buffer.from(`${c.createdAt.toISOString()}|${c.id}`).toString("base64url");
}

function decodeCursor(raw: string | undefined): Cursor | null {
  if (!raw) return null;
  const [at, id] = Buffer.from(raw, "base64url").toString("utf8").split("|");
  const createdAt = new Date(at ?? "");
  return id && !Number.isNaN(createdAt.getTime()) ? { createdAt, id } : null;
}

/** One variant's subscribers (every variant's with null), newest first; `nextCursor` is null on the last page. */
export async function listVariantSubscribers(
  db: Db,
  shopId: string,
  variantId: bigint | null,
  query: z.output<typeof subscriberListQuerySchema>,
): Promise<{ subscribers: SubscriberView[]; nextCursor: string | null } | null> {
  const cursor = decodeCursor(query.cursor);
  if (query.cursor && !cursor) return null;
  const rows = await db.subscription.findMany({
    where: {
      shopId,
      ...(variantId !== null ? { variantId } : {}),
      ...(query.status ? { status: query.status as SubscriptionStatus } : {}),
      ...(cursor
        ? {
            OR: [
              { createdAt: { lt: cursor.createdAt } },
              { createdAt: cursor.createdAt, id: { lt: cursor.id } },
            ],
          }
        : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    subscribers: page.map((s) => toSubscriberView(s)),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
  };
}

type SubscriptionRow = {
  id: string;
  variantId: bigint;
  email: string | null;
  phone: string | null;
  status: string;
  locale: string;
  marketingConsent: boolean;
  createdAt: Date;
  confirmedAt: Date | null;
  notifiedAt: Date | null;
};

export function toSubscriberView(s: SubscriptionRow): SubscriberView {
  return {
    id: s.id,
    variantId: String(s.variantId),
    email: s.email,
    phone: s.phone,
    status: s.status,
    locale: s.locale,
    marketingConsent: s.marketingConsent,
    createdAt: s.createdAt.toISOString(),
    confirmedAt: s.confirmedAt?.toISOString() ?? null,
    notifiedAt: s.notifiedAt?.toISOString() ?? null,
  };
}

import { Prisma } from "@prisma/client";
import { z } from "zod";
import type { Db } from "../db/create-prisma.ts";
import { containsPattern } from "../db/like-pattern.ts";
import { sendNowBlocker, type SendNowBlocker } from "./send-now-blocker.ts";

/** Tabs: people still waiting (ACTIVE or PENDING), variants already alerted (history), or both. */
export const DEMAND_VIEWS = ["waiting", "notified", "all"] as const;
/** Most waiting first, most recently alerted first, or by product and variant title. */
export const DEMAND_SORTS = ["waiting", "recent", "product"] as const;
type DemandSort = (typeof DEMAND_SORTS)[number];

export const demandQuerySchema = z.object({
  // A product or variant title, a SKU, or (part of) a subscriber's email.
  query: z.string().trim().max(200).optional(),
  view: z.enum(DEMAND_VIEWS).default("waiting"),
  sort: z.enum(DEMAND_SORTS).default("waiting"),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,600}$/)
    .optional(),
});
export type DemandQuery = z.output<typeof demandQuerySchema>;

export type DemandView = {
  variantId: string;
  productTitle: string | null;
  variantTitle: string | null;
  sku: string | null;
  /** ACTIVE: confirmed, waiting for the alert. */
  waiting: number;
  /** PENDING: has not confirmed the double opt-in email yet. */
  pending: number;
  /** NOTIFIED: alerted at a past restock (their history stays here). */
  notified: number;
  lastNotifiedAt: string | null;
  /** Cached stock over the counted locations: what a manual wave would be sized by. */
  available: number | null;
  /** Why "send restock alert now" is unavailable, or null when it can start a wave. */
  sendNowBlocked: SendNowBlocker | null;
};

type Row = {
  variantId: bigint;
  productTitle: string | null;
  variantTitle: string | null;
  sku: string | null;
  available: number | null;
  tracked: boolean | null;
  deleted: boolean | null;
  waiting: number;
  pending: number;
  notified: number;
  lastNotifiedAt: Date | null;
  /** The sort's key as PostgreSQL computed it: the cursor repeats it exactly. */
  sortKey: number | Date | string;
};

// Each sort's key (whitelisted SQL over the `d` rows) and its direction; ties go by variant id.
const SORT_KEYS: Record<DemandSort, { sql: Prisma.Sql; desc: boolean }> = {
  waiting: { sql: Prisma.sql`d.waiting`, desc: true },
  recent: { sql: Prisma.sql`coalesce(d."lastNotifiedAt", 'epoch'::timestamp)`, desc: true },
  product: {
    sql: Prisma.sql`lower(coalesce(d."productTitle", '') || ' ' || coalesce(d."variantTitle", ''))`,
    desc: false,
  },
};

type Cursor = { sort: DemandSort; key: string | number; variantId: string };

function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString("base64url");
}

/** The cursor of the same sort, or null when it is not one this list wrote. */
function decodeCursor(raw: string, sort: DemandSort): Cursor | null {
  try {
    const c = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as Partial<Cursor>;
    const keyOk =
      sort === "waiting"
        ? Number.isSafeInteger(c.key)
        : sort === "recent"
          ? typeof c.key === "string" && !Number.isNaN(Date.parse(c.key))
          : typeof c.key === "string" && c.key.length <= 600;
    if (c.sort !== sort || !keyOk || typeof c.variantId !== "string" || !/^\d{1,19}$/.test(c.variantId))
      return null;
    return c as Cursor;
  } catch {
    return null;
  }
}

function keyValue(sort: DemandSort, key: string | number): Prisma.Sql {
  if (sort === "waiting") return Prisma.sql`${key}::int`;
  // DateTime columns hold UTC wall time (timestamp without time zone).
  if (sort === "recent") return Prisma.sql`(${key}::timestamptz at time zone 'UTC')`;
  return Prisma.sql`${key}::text`;
}

/**
 * Back-in-stock demand per variant for the merchant: who waits, who has not confirmed, who was
 * alerted (so a restock does not make a variant vanish), searchable by product, SKU or subscriber
 * email, sorted and paged by keyset cursor. Null when the cursor is not valid for this sort.
 */
export async function listDemand(
  db: Db,
  shopId: string,
  query: DemandQuery,
): Promise<{ variants: DemandView[]; nextCursor: string | null } | null> {
  const sort = SORT_KEYS[query.sort];
  const cursor = query.cursor ? decodeCursor(query.cursor, query.sort) : null;
  if (query.cursor && !cursor) return null;
  const where: Prisma.Sql[] = [];
  if (query.view === "waiting") where.push(Prisma.sql`d.waiting + d.pending > 0`);
  if (query.view === "notified") where.push(Prisma.sql`d.notified > 0`);
  if (query.query) {
    const pattern = containsPattern(query.query);
    where.push(Prisma.sql`(d."productTitle" ILIKE ${pattern} OR d."variantTitle" ILIKE ${pattern}
      OR d.sku ILIKE ${pattern} OR exists (
        select 1 from "Subscription" m
        where m."shopId" = ${shopId} and m."variantId" = d."variantId" and m.email ILIKE ${pattern}))`);
  }
  if (cursor) {
    const value = keyValue(query.sort, cursor.key);
    const after = Prisma.sql`${sort.sql} ${Prisma.raw(sort.desc ? "<" : ">")} ${value}`;
    where.push(
      Prisma.sql`(${after} OR (${sort.sql} = ${value} AND d."variantId" > ${BigInt(cursor.variantId)}))`,
    );
  }
  const [rows, settings] = await Promise.all([
    db.$queryRaw<Row[]>`
      with counts as (
        select s."variantId",
               (count(*) filter (where s.status = 'ACTIVE'))::int as waiting,
               (count(*) filter (where s.status = 'PENDING'))::int as pending,
               (count(*) filter (where s.status = 'NOTIFIED'))::int as notified,
               max(s."notifiedAt") as "lastNotifiedAt"
        from "Subscription" s
        where s."shopId" = ${shopId} and s.status in ('ACTIVE', 'PENDING', 'NOTIFIED')
        group by s."variantId"
      ), d as (
        select c.*, p.title as "productTitle", v.title as "variantTitle", v.sku, v.available, v.tracked,
               v."deletedAt" is not null as deleted
        from counts c
        left join "Variant" v on v."shopId" = ${shopId} and v."variantId" = c."variantId"
        left join "Product" p on p."shopId" = ${shopId} and p."productId" = v."productId"
      )
      select d.*, ${sort.sql} as "sortKey" from d
      ${where.length ? Prisma.sql`where ${Prisma.join(where, " AND ")}` : Prisma.empty}
      order by ${sort.sql} ${Prisma.raw(sort.desc ? "desc" : "asc")}, d."variantId" asc
      limit ${query.limit + 1}`,
    db.shopSettings.findUnique({ where: { shopId }, select: { restockThreshold: true } }),
  ]);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const threshold = settings?.restockThreshold ?? 0;
  return {
    variants: page.map((r) => ({
      variantId: r.variantId.toString(),
      productTitle: r.productTitle,
      variantTitle: r.variantTitle,
      sku: r.sku,
      waiting: r.waiting,
      pending: r.pending,
      notified: r.notified,
      lastNotifiedAt: r.lastNotifiedAt?.toISOString() ?? null,
      available: r.available,
      sendNowBlocked: sendNowBlocker(
        r.available === null
          ? null
          : { deleted: Boolean(r.deleted), tracked: r.tracked ?? true, available: r.available },
        r.waiting,
        threshold,
      ),
    })),
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor({
            sort: query.sort,
            key: last.sortKey instanceof Date ? last.sortKey.toISOString() : last.sortKey,
            variantId: last.variantId.toString(),
          })
        : null,
  };
}

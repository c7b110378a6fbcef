import type { Prisma } from "@prisma/client";
import type { Db } from "../db/create-prisma.ts";
import { AppError } from "../errors.ts";
import { backorderWhere, describeBackorders, type BackorderListItem } from "./list-backorders.ts";
import type { BackorderStatus } from "./plan-backorder-transitions.ts";

export type BackorderCursorQuery = {
  status?: BackorderStatus[];
  variant?: bigint;
  order?: bigint;
  cursor?: string;
  limit: number;
};

/** The cursor is the last line item id shown: lines come in line item id order, stable while lines are added. */
function decodeCursor(raw: string): bigint {
  const text = Buffer.from(raw, "base64url").toString("utf8");
  if (!/^\d{1,19}$/.test(text)) throw new AppError("bad_request", "Invalid cursor");
  return BigInt(text);
}

/** Keyset pages of the shop's backorder lines (the merchant API); `nextCursor` is null on the last page. */
export async function listBackordersByCursor(
  db: Db,
  shopId: string,
  q: BackorderCursorQuery,
  now: Date,
): Promise<{ items: BackorderListItem[]; nextCursor: string | null }> {
  const where: Prisma.BackorderLineWhereInput = {
    AND: [
      await backorderWhere(
        db,
        shopId,
        { status: q.status, variant: q.variant, sort: "placedAt", direction: "asc" },
        now,
      ),
      q.order !== undefined ? { orderId: q.order } : {},
      q.cursor !== undefined ? { lineItemId: { gt: decodeCursor(q.cursor) } } : {},
    ],
  };
  const rows = await db.backorderLine.findMany({ where, orderBy: { lineItemId: "asc" }, take: q.limit + 1 });
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: await describeBackorders(db, shopId, page),
    nextCursor:
      rows.length > q.limit && last ? Buffer.from(String(last.lineItemId)).toString("base64url") : null,
  };
}

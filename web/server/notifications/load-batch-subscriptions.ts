import type { Subscription } from "@prisma/client";
import type { SqlPool } from "../db/create-sql-pool.ts";
import { BATCH_SUBSCRIPTIONS_SQL } from "./batch-lookup-sql.ts";
import { fromUtc } from "./notification-batch-ledger.ts";

type RawSubscription = Omit<
  Subscription,
  | "variantId"
  | "customerId"
  | "status"
  | "createdAt"
  | "confirmedAt"
  | "notifiedAt"
  | "unsubscribedAt"
  | "renewedAt"
> & {
  variantId: string;
  customerId: string | null;
  status: string;
  createdAt: string;
  confirmedAt: string | null;
  notifiedAt: string | null;
  unsubscribedAt: string | null;
  renewedAt: string | null;
};

/**
 * The subscriptions behind a batch's rows, in one query, keyed by id (tenant-checked by the caller).
 * Each is read by its key, the shop checked on the row found (batch-lookup-sql.ts says why): with
 * `"shopId" = $1 and id = any(...)`, statistics from before the shop's subscribers arrived made the
 * planner walk every subscription of the shop through its (shopId, phone) index, once per batch.
 */
export async function loadBatchSubscriptions(
  sql: Pick<SqlPool, "query">,
  shopId: string,
  ids: string[],
): Promise<Map<string, Subscription>> {
  if (ids.length === 0) return new Map();
  const { rows } = await sql.query<RawSubscription>(BATCH_SUBSCRIPTIONS_SQL, [shopId, ids]);
  return new Map(
    rows.map((r) => [
      r.id,
      {
        ...r,
        variantId: BigInt(r.variantId),
        customerId: r.customerId === null ? null : BigInt(r.customerId),
        status: r.status as Subscription["status"],
        createdAt: fromUtc(r.createdAt)!,
        confirmedAt: fromUtc(r.confirmedAt),
        notifiedAt: fromUtc(r.notifiedAt),
        unsubscribedAt: fromUtc(r.unsubscribedAt),
        renewedAt: fromUtc(r.renewedAt),
      },
    ]),
  );
}

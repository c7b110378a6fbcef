import { toCsv } from "../csv/write-csv.ts";
import type { Db } from "../db/create-prisma.ts";

const HEADER = [
  "variant_id",
  "product",
  "variant",
  "sku",
  "available",
  "backordered_units",
  "waiting_subscribers",
  "pending_subscribers",
  "eta",
];

type Row = {
  variantId: bigint;
  product: string | null;
  variant: string;
  sku: string | null;
  available: number;
  backordered: bigint;
  waiting: bigint;
  pending: bigint;
  eta: Date | null;
};

/**
 * What to reorder: every variant someone waits for (open backorders or back-in-stock signups),
 * most demand first, with stock and the current ETA. No customer data.
 */
export async function exportPurchasingCsv(db: Db, shopId: string): Promise<string> {
  const rows = await db.$queryRaw<Row[]>`
    with demand as (
      select "variantId",
             count(*) filter (where status = 'ACTIVE') as waiting,
             count(*) filter (where status = 'PENDING') as pending
      from "Subscription"
      where "shopId" = ${shopId} and status in ('ACTIVE', 'PENDING')
      group by "variantId"
    ), backlog as (
      select "variantId", sum("backorderedQuantity") as units
      from "BackorderLine"
      where "shopId" = ${shopId} and status = 'OPEN'
      group by "variantId"
    )
    select v."variantId", p.title as product, v.title as variant, v.sku, v.available,
           coalesce(b.units, 0)::bigint as backordered,
           coalesce(d.waiting, 0)::bigint as waiting,
           coalesce(d.pending, 0)::bigint as pending,
           e."etaDate" as eta
    from "Variant" v
    left join demand d on d."variantId" = v."variantId"
    left join backlog b on b."variantId" = v."variantId"
    left join "Product" p on p."shopId" = v."shopId" and p."productId" = v."productId"
    left join "VariantEta" e on e."shopId" = v."shopId" and e."variantId" = v."variantId"
    where v."shopId" = ${shopId} and v."deletedAt" is null
      and (d."variantId" is not null or b."variantId" is not null)
    order by coalesce(b.units, 0) + coalesce(d.waiting, 0) desc, v."variantId"`;
  return toCsv([
    HEADER,
    ...rows.map((r) => [
      String(r.variantId),
      r.product,
      r.variant,
      r.sku,
      r.available,
      Number(r.backordered),
      Number(r.waiting),
      Number(r.pending),
      r.eta ? r.eta.toISOString().slice(0, 10) : null,
    ]),
  ]);
}

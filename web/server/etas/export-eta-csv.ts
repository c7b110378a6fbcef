import { Prisma } from "@prisma/client";
import { toCsv } from "../csv/write-csv.ts";
import type { Db } from "../db/create-prisma.ts";
import { loadEtaShopContext } from "./eta-shop-context.ts";
import { toEtaView } from "./eta-view.ts";
import { selectEtaRows } from "./query-eta-rows.ts";

const PAGE = 2_000;
export const EXPORT_COLUMNS = [
  "variant_id",
  "sku",
  "product_title",
  "variant_title",
  "eta",
  "message",
  "resolved_eta",
  "eta_source",
  "overdue",
  "available",
] as const;

/**
 * Every variant of the shop as CSV chunks (header first). `eta` and `message` are what the merchant
 * set, so the file can be edited and imported back as is (the import ignores the other columns).
 */
export async function* exportEtaCsv(db: Db, shopId: string, now: Date): AsyncGenerator<string> {
  const ctx = await loadEtaShopContext(db, shopId);
  yield toCsv([[...EXPORT_COLUMNS]]);
  // Keyset paging by variant id: rows added or removed meanwhile neither repeat nor shift others out.
  let after: bigint | undefined;
  for (;;) {
    const where = after === undefined ? [] : [Prisma.sql`v."variantId" > ${after}`];
    const rows = await selectEtaRows(db, shopId, { where, limit: PAGE });
    yield toCsv(
      rows.map((row) => {
        const view = toEtaView(row, ctx, now);
        return [
          view.variantId,
          view.sku ?? "",
          view.productTitle ?? "",
          view.variantTitle,
          row.etaDate ?? "",
          row.message ?? "",
          view.eta ?? "",
          view.etaSource,
          String(view.overdue),
          view.available,
        ];
      }),
    );
    if (rows.length < PAGE) return;
    after = rows[rows.length - 1]!.variantId;
  }
}

import { toCsv } from "../csv/write-csv.ts";
import type { Db } from "../db/create-prisma.ts";

const HEADER = [
  "variant_id",
  "product",
  "variant",
  "sku",
  "email",
  "status",
  "locale",
  "marketing_consent",
  "subscribed_at",
  "confirmed_at",
  "notified_at",
];
const CHUNK = 1_000;
// Unsubscribed and never-confirmed addresses stay out: an export must not revive people who left.
const EXPORTED = ["PENDING", "ACTIVE", "NOTIFIED"] as const;

/**
 * The shop's subscribers as CSV, whole addresses included: it is the merchant's own customer list,
 * downloaded on purpose (the admin screens show masked addresses only). Streamed a page at a time.
 */
export async function* exportSubscribersCsv(db: Db, shopId: string): AsyncGenerator<string> {
  yield toCsv([HEADER]);
  let cursor: { id: string } | undefined;
  for (;;) {
    const rows = await db.subscription.findMany({
      where: { shopId, status: { in: [...EXPORTED] } },
      orderBy: { id: "asc" },
      take: CHUNK,
      ...(cursor ? { cursor, skip: 1 } : {}),
    });
    if (rows.length === 0) return;
    const variants = await db.variant.findMany({
      where: { shopId, variantId: { in: [...new Set(rows.map((r) => r.variantId))] } },
      select: { variantId: true, productId: true, title: true, sku: true },
    });
    const products = await db.product.findMany({
      where: { shopId, productId: { in: [...new Set(variants.map((v) => v.productId))] } },
      select: { productId: true, title: true },
    });
    const variantOf = new Map(variants.map((v) => [v.variantId, v]));
    const productOf = new Map(products.map((p) => [p.productId, p.title]));
    yield toCsv(
      rows.map((s) => {
        const v = variantOf.get(s.variantId);
        return [
          String(s.variantId),
          v ? (productOf.get(v.productId) ?? null) : null,
          v?.title ?? null,
          v?.sku ?? null,
          s.email,
          s.status,
          s.locale,
          s.marketingConsent ? "yes" : "no",
          s.createdAt.toISOString(),
          s.confirmedAt?.toISOString() ?? null,
          s.notifiedAt?.toISOString() ?? null,
        ];
      }),
    );
    if (rows.length < CHUNK) return;
    cursor = { id: rows.at(-1)!.id };
  }
}

import type { Db } from "../../web/server/db/create-prisma.ts";

/**
 * One product with `count` backorderable variants (sku `BOLT-<i>`), for imports of many rows.
 * Written 2,000 a statement: Prisma splits a larger createMany into statements it sends at once.
 */
export async function seedManyVariants(
  db: Db,
  shopId: string,
  count: number,
  firstId = 7_800_000_000n,
): Promise<bigint[]> {
  const productId = firstId - 1n;
  await db.product.create({ data: { shopId, productId, title: "Bolt", handle: `bolt-${productId}` } });
  const variantIds = Array.from({ length: count }, (_, i) => firstId + BigInt(i));
  const rows = variantIds.map((variantId, i) => ({
    shopId,
    variantId,
    productId,
    inventoryItemId: firstId + 100_000_000n + BigInt(i),
    title: `Size ${i}`,
    sku: `BOLT-${i}`,
    inventoryPolicy: "CONTINUE",
    tracked: true,
    available: -1,
  }));
  for (let i = 0; i < count; i += 2_000) await db.variant.createMany({ data: rows.slice(i, i + 2_000) });
  return variantIds;
}

/** An import file setting every variant to `eta`, with a message naming its row. */
export function etaImportCsv(variantIds: readonly bigint[], eta: string, badRow?: number): string {
  return (
    "variant_id,eta,message\r\n" +
    variantIds.map((id, i) => `${id},${i === badRow ? "soon" : eta},Row ${i}\r\n`).join("")
  );
}

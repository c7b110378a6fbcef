import type { Prisma } from "@prisma/client";
import { isShopifyIdText } from "../shopify-id.ts";

/** Location ids as stored in ShopSettings.countedLocationIds (text); empty means every location. */
export function countedLocationFilter(countedLocationIds: readonly string[]): bigint[] | null {
  const ids = countedLocationIds.filter(isShopifyIdText).map((id) => BigInt(id));
  return ids.length === 0 ? null : ids;
}

/** Sum of `available` over the shop's counted locations for one inventory item (docs/core-rules.md, "Backordered units"). */
export async function sumCountedAvailable(
  tx: Prisma.TransactionClient,
  shopId: string,
  inventoryItemId: bigint,
  countedLocationIds: readonly string[],
): Promise<number> {
  const locations = countedLocationFilter(countedLocationIds);
  const result = await tx.inventoryLevel.aggregate({
    where: { shopId, inventoryItemId, ...(locations ? { locationId: { in: locations } } : {}) },
    _sum: { available: true },
  });
  return result._sum.available ?? 0;
}

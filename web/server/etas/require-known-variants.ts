import type { Db } from "../db/create-prisma.ts";
import { ownFieldError } from "../own-field-errors.ts";

/**
 * A bulk ETA change names variants of this shop only: the distinct ids as bigints, or a 422 naming
 * the unknown (or deleted) ones before anything is written.
 */
export async function requireKnownVariants(
  db: Db,
  shopId: string,
  variantIds: readonly string[],
  field = "variantIds",
): Promise<bigint[]> {
  const ids = [...new Set(variantIds)].map((id) => BigInt(id));
  const known = await db.variant.findMany({
    where: { shopId, deletedAt: null, variantId: { in: ids } },
    select: { variantId: true },
  });
  const knownIds = new Set(known.map((v) => v.variantId));
  const unknown = ids.filter((id) => !knownIds.has(id));
  if (unknown.length > 0) {
    throw ownFieldError("Unknown variants", field, (w) => w.unknownVariants(unknown.join(", ")));
  }
  return ids;
}

import type { Db } from "../db/create-prisma.ts";

export type InventoryLevelUpdate = {
  inventoryItemId: bigint;
  locationId: bigint;
  available: number;
  /** Shopify updated_at of the level (second precision in webhooks). */
  updatedAt: Date;
};

/**
 * - applied: the level is stored (new, or newer than what was stored);
 * - unchanged: a duplicate of what is stored;
 * - stale: older than what is stored: changes nothing;
 * - ambiguous: same timestamp, different value: webhooks print whole seconds, so two changes in one
 *   second cannot be ordered from their payloads; the caller re-reads the level from the Admin API.
 */
export type ApplyLevelOutcome = "applied" | "unchanged" | "stale" | "ambiguous";

/** One atomic conditional upsert, so concurrent deliveries of the same level cannot interleave. */
export async function applyInventoryLevel(
  db: Db,
  shopId: string,
  level: InventoryLevelUpdate,
): Promise<ApplyLevelOutcome> {
  const written = await db.$queryRaw<{ id: string }[]>`
    INSERT INTO "InventoryLevel" ("id", "shopId", "inventoryItemId", "locationId", "available", "shopifyUpdatedAt", "updatedAt")
    VALUES (gen_random_uuid()::text, ${shopId}, ${level.inventoryItemId}, ${level.locationId}, ${level.available}, ${level.updatedAt}, now())
    ON CONFLICT ("shopId", "inventoryItemId", "locationId") DO UPDATE
      SET "available" = EXCLUDED."available", "shopifyUpdatedAt" = EXCLUDED."shopifyUpdatedAt", "updatedAt" = now()
      WHERE "InventoryLevel"."shopifyUpdatedAt" IS NULL OR "InventoryLevel"."shopifyUpdatedAt" < EXCLUDED."shopifyUpdatedAt"
    RETURNING "id"`;
  if (written.length > 0) return "applied";
  const stored = await db.inventoryLevel.findUnique({
    where: {
      shopId_inventoryItemId_locationId: {
        shopId,
        inventoryItemId: level.inventoryItemId,
        locationId: level.locationId,
      },
    },
    select: { available: true, shopifyUpdatedAt: true },
  });
  if (!stored?.shopifyUpdatedAt || stored.shopifyUpdatedAt.getTime() > level.updatedAt.getTime())
    return "stale";
  return stored.available === level.available ? "unchanged" : "ambiguous";
}

/**
 * Overwrites levels with values read from the Admin API just now: authoritative, so they replace
 * whatever webhooks stored, unless a webhook already stored something strictly newer.
 */
export async function storeReadLevels(
  db: Db,
  shopId: string,
  levels: readonly InventoryLevelUpdate[],
): Promise<void> {
  for (const level of levels) {
    await db.$executeRaw`
      INSERT INTO "InventoryLevel" ("id", "shopId", "inventoryItemId", "locationId", "available", "shopifyUpdatedAt", "updatedAt")
      VALUES (gen_random_uuid()::text, ${shopId}, ${level.inventoryItemId}, ${level.locationId}, ${level.available}, ${level.updatedAt}, now())
      ON CONFLICT ("shopId", "inventoryItemId", "locationId") DO UPDATE
        SET "available" = EXCLUDED."available", "shopifyUpdatedAt" = EXCLUDED."shopifyUpdatedAt", "updatedAt" = now()
        WHERE "InventoryLevel"."shopifyUpdatedAt" IS NULL OR "InventoryLevel"."shopifyUpdatedAt" <= EXCLUDED."shopifyUpdatedAt"`;
  }
}

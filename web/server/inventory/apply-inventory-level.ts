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

/**
 * One atomic conditional upsert, so concurrent deliveries of the same level cannot interleave.
 * The webhook is then remembered as seen, which may confirm a stock read (see storeReadLevels).
 */
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
  await recordWebhookSeen(db, shopId, level);
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
 * A webhook's (updated_at, available) is kept as seen: the newest second webhooks carried and each
 * value at that second. A webhook carrying the stored value confirms an unconfirmed read: by then
 * the webhooks of the changes that read counted have reached the app.
 */
async function recordWebhookSeen(db: Db, shopId: string, level: InventoryLevelUpdate) {
  await db.$executeRaw`
    UPDATE "InventoryLevel" SET
      "webhookValues" = CASE
        WHEN "webhookAt" IS NULL OR "webhookAt" < ${level.updatedAt} THEN ARRAY[${level.available}]::integer[]
        WHEN "webhookAt" = ${level.updatedAt} AND NOT (${level.available} = ANY("webhookValues"))
          THEN array_append("webhookValues", ${level.available})
        ELSE "webhookValues" END,
      "webhookAt" = GREATEST("webhookAt", ${level.updatedAt}),
      "readUnconfirmedAt" = CASE WHEN "available" = ${level.available} THEN NULL ELSE "readUnconfirmedAt" END
    WHERE "shopId" = ${shopId} AND "inventoryItemId" = ${level.inventoryItemId} AND "locationId" = ${level.locationId}`;
}

/**
 * Overwrites levels with values read from the Admin API just now: authoritative, so they replace
 * whatever webhooks stored, unless a webhook already stored something strictly newer.
 *
 * Such a read counts every order placed so far, also those whose webhooks have not reached the app
 * yet. When it lowers a stored value to one no webhook carried, the level is marked unconfirmed
 * (readUnconfirmedAt) until a webhook carrying that value arrives; first backorder emails wait for
 * it (web/server/backorders/notify-order-hold.ts). A read that raises the stock (a restock not
 * delivered yet) can only make lines ready that are ready, so it marks nothing; a level read for
 * the first time is the baseline.
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
        SET "available" = EXCLUDED."available", "shopifyUpdatedAt" = EXCLUDED."shopifyUpdatedAt", "updatedAt" = now(),
          "readUnconfirmedAt" = CASE
            WHEN EXCLUDED."available" >= "InventoryLevel"."available" THEN "InventoryLevel"."readUnconfirmedAt"
            WHEN "InventoryLevel"."webhookAt" = EXCLUDED."shopifyUpdatedAt"
              AND EXCLUDED."available" = ANY("InventoryLevel"."webhookValues") THEN NULL
            ELSE COALESCE("InventoryLevel"."readUnconfirmedAt", now()) END
        WHERE "InventoryLevel"."shopifyUpdatedAt" IS NULL OR "InventoryLevel"."shopifyUpdatedAt" <= EXCLUDED."shopifyUpdatedAt"`;
  }
}

import type { ShopSettings } from "@prisma/client";
import type { Db } from "../db/create-prisma.ts";
import { SETTINGS_FIELDS, type SettingsUpdate } from "./settings-schema.ts";
import { ownFieldError } from "../own-field-errors.ts";

export type SettingsView = Pick<ShopSettings, (typeof SETTINGS_FIELDS)[number]> & { updatedAt: string };

function toView(row: ShopSettings): SettingsView {
  const view = Object.fromEntries(SETTINGS_FIELDS.map((key) => [key, row[key]])) as Omit<
    SettingsView,
    "updatedAt"
  >;
  return { ...view, updatedAt: row.updatedAt.toISOString() };
}

/** The shop's settings, created with the defaults on first read (older installs may lack the row). */
export async function loadShopSettings(db: Db, shopId: string): Promise<SettingsView> {
  const row = await db.shopSettings.upsert({ where: { shopId }, create: { shopId }, update: {} });
  return toView(row);
}

export async function updateShopSettings(
  db: Db,
  shopId: string,
  update: SettingsUpdate,
): Promise<SettingsView> {
  if (update.countedLocationIds && update.countedLocationIds.length > 0) {
    const ids = [...new Set(update.countedLocationIds)];
    const known = await db.location.findMany({
      where: { shopId, locationId: { in: ids.map((id) => BigInt(id)) } },
      select: { locationId: true },
    });
    const knownIds = new Set(known.map((l) => l.locationId.toString()));
    const unknown = ids.filter((id) => !knownIds.has(id));
    if (unknown.length > 0) {
      throw ownFieldError("Unknown location", "countedLocationIds", (w) =>
        w.unknownLocations(unknown.join(", ")),
      );
    }
    update = { ...update, countedLocationIds: ids };
  }
  const row = await db.shopSettings.upsert({
    where: { shopId },
    create: { shopId, ...update },
    update,
  });
  return toView(row);
}

import type { AppDeps } from "../app-deps.ts";
import { readCountedStock } from "./read-counted-stock.ts";

export type ReminderStock = { available: number | null; threshold: number };

type Deps = Pick<AppDeps, "db" | "config" | "shopify" | "logger" | "now">;

/**
 * The variant's counted stock read from the Admin API (as a restock wave reads it: webhooks arrive
 * late), and the shop's restock threshold, for the reminder's "still in stock" check. `available`
 * is null when the variant is gone or the shop uninstalled. The sweep reads each variant once per run.
 */
export async function readReminderStock(
  deps: Deps,
  shopId: string,
  variantId: bigint,
): Promise<ReminderStock> {
  const shop = await deps.db.shop.findUnique({ where: { id: shopId }, include: { settings: true } });
  const threshold = shop?.settings?.restockThreshold ?? 0;
  if (!shop || shop.uninstalledAt) return { available: null, threshold };
  const stock = await readCountedStock(deps, shop.domain, variantId, shop.settings?.countedLocationIds ?? []);
  return { available: stock ? stock.available : null, threshold };
}

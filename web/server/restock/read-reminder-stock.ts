import type { AppDeps } from "../app-deps.ts";
import { createTtlCache, type TtlCache } from "../notifications/ttl-cache.ts";
import { readCountedStock } from "./read-counted-stock.ts";

export type ReminderStock = { available: number | null; threshold: number };

type Deps = Pick<AppDeps, "db" | "config" | "shopify" | "logger" | "now">;

// A wave's reminders of one variant share one Admin API read for a few seconds, per worker.
const TTL_MS = 15_000;
const byDeps = new WeakMap<object, TtlCache<ReminderStock>>();

/**
 * The variant's counted stock read from the Admin API (as a restock wave reads it: webhooks arrive
 * late), and the shop's restock threshold, for the reminder's "still in stock" check. `available`
 * is null when the variant is gone or the shop uninstalled.
 */
export function readReminderStock(deps: Deps, shopId: string, variantId: bigint): Promise<ReminderStock> {
  let cache = byDeps.get(deps);
  if (!cache) {
    cache = createTtlCache<ReminderStock>(TTL_MS, 2_000);
    byDeps.set(deps, cache);
  }
  return cache.get(`${shopId}:${variantId}`, async () => {
    const shop = await deps.db.shop.findUnique({ where: { id: shopId }, include: { settings: true } });
    const threshold = shop?.settings?.restockThreshold ?? 0;
    if (!shop || shop.uninstalledAt) return { available: null, threshold };
    const stock = await readCountedStock(
      deps,
      shop.domain,
      variantId,
      shop.settings?.countedLocationIds ?? [],
    );
    return { available: stock ? stock.available : null, threshold };
  });
}

import { fetchVariantsState } from "../inventory/fetch-variant-state.ts";
import { countedLocationFilter } from "../inventory/sum-counted-available.ts";
import { createAdminClient } from "../shopify/admin/create-admin-client.ts";
import type { AppDeps } from "../app-deps.ts";

export type CountedStock = { available: number; tracked: boolean };

/**
 * The variant's `available` summed over the shop's counted locations, read from the Admin API now
 * (not from our cache): webhooks arrive late, twice and out of order, the API does not.
 * Null when the variant no longer exists.
 */
export async function readCountedStock(
  deps: Pick<AppDeps, "db" | "config" | "shopify" | "logger" | "now">,
  shopDomain: string,
  variantId: bigint,
  countedLocationIds: readonly string[],
): Promise<CountedStock | null> {
  const client = await createAdminClient(deps, shopDomain);
  const [state] = await fetchVariantsState(client, [variantId], deps.now());
  if (!state) return null;
  const counted = countedLocationFilter(countedLocationIds);
  const available = state.levels
    .filter((level) => counted === null || counted.includes(level.locationId))
    .reduce((sum, level) => sum + level.available, 0);
  return { available, tracked: state.tracked };
}

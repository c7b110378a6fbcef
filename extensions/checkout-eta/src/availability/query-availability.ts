import type { StorefrontQuery } from "../api/eta-api.ts";

// Storefront API, through `api_access`. `quantityAvailable` needs the app's
// unauthenticated_read_product_inventory scope; without it Shopify answers null or an
// ACCESS_DENIED error and the line falls back to the `backordered` metafield.
export const AVAILABILITY_QUERY = `query BackorderAvailability($ids: [ID!]!) {
  nodes(ids: $ids) { ... on ProductVariant { id quantityAvailable } }
}`;

interface AvailabilityData {
  nodes?: readonly ({ id?: unknown; quantityAvailable?: unknown } | null)[];
}

/** Live sellable quantity per variant GID; variants Shopify did not tell us about are absent. */
export async function queryAvailability(
  query: StorefrontQuery,
  variantIds: readonly string[],
): Promise<Map<string, number>> {
  const available = new Map<string, number>();
  if (variantIds.length === 0) return available;
  const result = await query<AvailabilityData>(AVAILABILITY_QUERY, { variables: { ids: [...variantIds] } });
  for (const node of result.data?.nodes ?? []) {
    if (!node || typeof node.id !== "string" || !variantIds.includes(node.id)) continue;
    if (typeof node.quantityAvailable === "number" && Number.isInteger(node.quantityAvailable)) {
      available.set(node.id, node.quantityAvailable);
    }
  }
  return available;
}

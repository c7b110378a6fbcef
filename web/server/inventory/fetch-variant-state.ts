import { z } from "zod";
import type { AdminClient } from "../shopify/admin/create-admin-client.ts";
import {
  INVENTORY_ITEM_STATE_QUERY,
  PRODUCT_VARIANT_STATE_QUERY,
  VARIANTS_STATE_QUERY,
} from "../shopify/admin/documents/index.ts";
import {
  levelNodeSchema,
  toGid,
  toVariantState,
  variantNodeSchema,
  type VariantState,
} from "./variant-state.ts";

const levelsSchema = z.object({ nodes: z.array(levelNodeSchema) });

const itemResponse = z.object({
  inventoryItem: z
    .object({
      id: z.string(),
      tracked: z.boolean(),
      variants: z.object({ nodes: z.array(variantNodeSchema) }),
      inventoryLevels: levelsSchema,
    })
    .nullable(),
});

/** The variant behind an inventory item, with its levels at every location; null when it is gone. */
export async function fetchInventoryItemState(
  client: AdminClient,
  inventoryItemId: bigint,
  readAt: Date,
): Promise<VariantState | null> {
  const data = itemResponse.parse(
    await client.request(INVENTORY_ITEM_STATE_QUERY, { id: toGid("InventoryItem", inventoryItemId) }),
  );
  const item = data.inventoryItem;
  const variant = item?.variants.nodes[0];
  if (!item || !variant) return null;
  return toVariantState(variant, item, item.inventoryLevels.nodes, readAt);
}

const variantWithItemSchema = variantNodeSchema.extend({
  inventoryItem: z.object({ id: z.string(), tracked: z.boolean(), inventoryLevels: levelsSchema }).nullish(),
});

const productVariantResponse = z.object({ productVariant: variantWithItemSchema.nullable() });

/** One variant of the client's shop by id, with its levels; null when the shop has no such variant. */
export async function fetchProductVariantState(
  client: AdminClient,
  variantId: bigint,
  readAt: Date,
): Promise<VariantState | null> {
  const data = productVariantResponse.parse(
    await client.request(PRODUCT_VARIANT_STATE_QUERY, { id: toGid("ProductVariant", variantId) }),
  );
  const node = data.productVariant;
  if (!node) return null;
  return toVariantState(
    node,
    node.inventoryItem ?? null,
    node.inventoryItem?.inventoryLevels.nodes ?? [],
    readAt,
  );
}

const variantsResponse = z.object({
  nodes: z.array(
    variantWithItemSchema.nullable().or(
      z
        .object({})
        .strict()
        .transform(() => null),
    ),
  ),
});

/**
 * Each variant asks for up to 20 levels (~65 points requested), and Shopify refuses a single query
 * whose requested cost exceeds 1,000 points: 10 variants per call stays well below.
 */
export const VARIANTS_PER_READ = 10;

/** Current state of up to VARIANTS_PER_READ variants; deleted variants are missing from the result. */
export async function fetchVariantsState(
  client: AdminClient,
  variantIds: readonly bigint[],
  readAt: Date,
): Promise<VariantState[]> {
  if (variantIds.length > VARIANTS_PER_READ)
    throw new Error(`at most ${VARIANTS_PER_READ} variants per read`);
  if (variantIds.length === 0) return [];
  const data = variantsResponse.parse(
    await client.request(VARIANTS_STATE_QUERY, { ids: variantIds.map((id) => toGid("ProductVariant", id)) }),
  );
  return data.nodes
    .filter((node) => node !== null)
    .map((node) =>
      toVariantState(
        node,
        node.inventoryItem ?? null,
        node.inventoryItem?.inventoryLevels.nodes ?? [],
        readAt,
      ),
    );
}

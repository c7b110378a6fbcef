import { z } from "zod";
import {
  levelNodeSchema,
  toVariantState,
  variantNodeSchema,
  type LevelNode,
  type VariantState,
} from "./variant-state.ts";

const variantLine = variantNodeSchema.extend({
  inventoryItem: z.object({ id: z.string(), tracked: z.boolean() }).nullish(),
});
const levelLine = levelNodeSchema.extend({ __parentId: z.string() });

/**
 * Parses the JSONL of BULK_SYNC_QUERY: a variant line, then its level lines pointing back with
 * __parentId (the variant's id, or its inventory item's on some API versions: both are accepted).
 */
export function parseBulkVariants(jsonl: string, readAt: Date): VariantState[] {
  const variants: z.infer<typeof variantLine>[] = [];
  const levels = new Map<string, LevelNode[]>();
  for (const text of jsonl.split("\n")) {
    if (text.trim() === "") continue;
    const row = JSON.parse(text) as Record<string, unknown>;
    if (typeof row.__parentId === "string") {
      const level = levelLine.parse(row);
      levels.set(level.__parentId, [...(levels.get(level.__parentId) ?? []), level]);
    } else {
      variants.push(variantLine.parse(row));
    }
  }
  return variants.map((variant) => {
    const item = variant.inventoryItem ?? null;
    const own = [...(levels.get(variant.id) ?? []), ...(item ? (levels.get(item.id) ?? []) : [])];
    return toVariantState(variant, item, own, readAt);
  });
}

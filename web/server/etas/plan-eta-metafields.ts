import type { ResolvedEta } from "./resolve-eta.ts";

// The contract with the theme block and the checkout extension: they read exactly these.
export const ETA_METAFIELD_NAMESPACE = "$app";
export const ETA_METAFIELD_TYPES = {
  eta: "date",
  message: "single_line_text_field",
  backordered: "boolean",
} as const;
export type EtaMetafieldKey = keyof typeof ETA_METAFIELD_TYPES;

/** The values of the three metafields; null means the metafield must not exist. */
export type EtaMetafieldValues = { eta: string | null; message: string | null; backordered: boolean | null };

export type EtaVariantState = {
  tracked: boolean;
  inventoryPolicy: string;
  available: number;
  /** The merchant set an ETA or a message on this variant. */
  explicit: boolean;
};

/**
 * What the variant's metafields should say. Only variants that can sell into backorder (tracked,
 * "continue selling") or that the merchant gave an ETA are managed; the others carry none, so the
 * storefront falls back to its own logic and a shop-wide lead time does not write to every variant.
 * A past (overdue) date is never shown: `eta` is the shopper ETA, absent when overdue.
 */
export function desiredEtaMetafields(variant: EtaVariantState, resolved: ResolvedEta): EtaMetafieldValues {
  const canBackorder = variant.tracked && variant.inventoryPolicy === "CONTINUE";
  if (!canBackorder && !variant.explicit) return { eta: null, message: null, backordered: null };
  return {
    eta: resolved.shopperEta,
    message: resolved.message,
    backordered: canBackorder && variant.available <= 0,
  };
}

export type MetafieldSetInput = {
  ownerId: string;
  namespace: string;
  key: EtaMetafieldKey;
  type: string;
  value: string;
};
export type MetafieldDeleteInput = { ownerId: string; namespace: string; key: EtaMetafieldKey };
export type MetafieldWrites = { set: MetafieldSetInput[]; delete: MetafieldDeleteInput[] };

/** The writes that take the variant from what was last pushed to what is desired (none when equal). */
export function planEtaMetafieldWrites(
  ownerId: string,
  desired: EtaMetafieldValues,
  pushed: EtaMetafieldValues,
): MetafieldWrites {
  const writes: MetafieldWrites = { set: [], delete: [] };
  for (const key of Object.keys(ETA_METAFIELD_TYPES) as EtaMetafieldKey[]) {
    const want = desired[key];
    if (want === pushed[key]) continue;
    const namespace = ETA_METAFIELD_NAMESPACE;
    if (want === null) writes.delete.push({ ownerId, namespace, key });
    else writes.set.push({ ownerId, namespace, key, type: ETA_METAFIELD_TYPES[key], value: String(want) });
  }
  return writes;
}

/** Groups items so each group's total size stays within `max` (an item is never split). */
export function packBatches<T>(items: readonly T[], size: (item: T) => number, max: number): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let used = 0;
  for (const item of items) {
    const n = size(item);
    if (current.length > 0 && used + n > max) {
      batches.push(current);
      current = [];
      used = 0;
    }
    current.push(item);
    used += n;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

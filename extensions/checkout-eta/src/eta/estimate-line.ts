import type { EtaCartLine, EtaMetafieldEntry } from "../api/eta-api.ts";
import type { AvailabilityState } from "../availability/create-availability-store.ts";
import { countLaterUnits, type StockMode } from "./count-later-units.ts";
import { usableEta } from "./format-eta-date.ts";
import { readVariantEta, type VariantEta } from "./read-variant-eta.ts";

export interface LineEstimate {
  readonly quantity: number;
  readonly laterUnits: number;
  /** the ETA if it is not already past */
  readonly eta: string | undefined;
  readonly variant: VariantEta | undefined;
}

/** What a cart line shows, or "pending" while its live stock is still being read. */
export function estimateLine(
  line: EtaCartLine,
  entries: readonly EtaMetafieldEntry[],
  availability: AvailabilityState,
  mode: StockMode,
  today: string,
): LineEstimate | "pending" {
  const variantId = line.merchandise.id;
  const variant = readVariantEta(entries, variantId);
  if (variant !== undefined && mode !== "metafields-only" && availability.pending.has(variantId))
    return "pending";
  const laterUnits = countLaterUnits(line.quantity, variant, availability.available.get(variantId), mode);
  return { quantity: line.quantity, laterUnits, eta: usableEta(variant?.eta, today), variant };
}

/** Variants of these lines the app manages: the only ones worth a stock read. */
export function managedVariantIds(
  entries: readonly EtaMetafieldEntry[],
  lines: readonly EtaCartLine[],
): string[] {
  const ids = lines.map((line) => line.merchandise.id);
  return [...new Set(ids)].filter((id) => readVariantEta(entries, id) !== undefined);
}

import type { EtaMetafieldEntry } from "../api/eta-api.ts";

// Contract with the app (it writes these on each variant, storefront public_read):
// `$app.eta` date "YYYY-MM-DD", `$app.message` single line text, `$app.backordered` boolean.
export const ETA_NAMESPACE = "$app";
export const ETA_KEYS = ["eta", "message", "backordered"] as const;

export interface VariantEta {
  /** undefined when the metafield is absent or not a boolean */
  readonly backordered: boolean | undefined;
  /** a real calendar date "YYYY-MM-DD", else undefined */
  readonly eta: string | undefined;
  readonly message: string | undefined;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseIsoDate(value: string): string | undefined {
  const match = ISO_DATE.exec(value.trim());
  if (!match) return undefined;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  // Date.UTC rolls 2026-02-30 over to March: a round trip rejects impossible dates.
  const valid = date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  return valid ? match[0] : undefined;
}

function parseBoolean(value: string): boolean | undefined {
  const normalized = value.trim().toLowerCase();
  if (normalized === "true") return true;
  if (normalized === "false") return false;
  return undefined;
}

/**
 * The app's metafields for one variant, or undefined when the app wrote none: such a
 * variant is not managed by the app (for example it does not track inventory), so the
 * extension never guesses a backorder for it.
 */
export function readVariantEta(
  entries: readonly EtaMetafieldEntry[],
  variantId: string,
): VariantEta | undefined {
  const values = new Map<string, string>();
  for (const { target, metafield } of entries) {
    if (target.type !== "variant" || target.id !== variantId) continue;
    if (metafield.namespace !== ETA_NAMESPACE) continue;
    values.set(metafield.key, String(metafield.value));
  }
  if (!ETA_KEYS.some((key) => values.has(key))) return undefined;
  const backordered = values.get("backordered");
  const eta = values.get("eta");
  const message = values.get("message")?.trim();
  return {
    backordered: backordered === undefined ? undefined : parseBoolean(backordered),
    eta: eta === undefined ? undefined : parseIsoDate(eta),
    message: message ? message : undefined,
  };
}

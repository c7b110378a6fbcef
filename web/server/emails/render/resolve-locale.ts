export const supportedLocales = ["en", "fr", "de", "es"] as const;

export type SupportedLocale = (typeof supportedLocales)[number];

export const defaultLocale: SupportedLocale = "en";

function isSupported(value: string): value is SupportedLocale {
  return (supportedLocales as readonly string[]).includes(value);
}

/**
 * Picks the template locale for a shopper's or customer's locale: exact match, then the
 * language part (`fr-CA` -> `fr`), then English. Accepts `_` separators (`de_AT`) because
 * some Shopify payloads and browsers send them.
 */
export function resolveLocale(requested: string | null | undefined): SupportedLocale {
  const normalized = (requested ?? "").trim().toLowerCase().replaceAll("_", "-");
  if (isSupported(normalized)) return normalized;
  const language = normalized.split("-")[0] ?? "";
  return isSupported(language) ? language : defaultLocale;
}

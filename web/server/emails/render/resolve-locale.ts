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

/**
 * The locale of a page opened from an email: the locale the email was written in (`stored`, the
 * subscription's or the notification's), else the browser's best supported language (what
 * Express's `req.acceptsLanguages(...supportedLocales)` answers, `false` for none), else English.
 */
export function resolvePageLocale(
  stored: string | null | undefined,
  accepted: string | false | undefined,
): SupportedLocale {
  if (stored && stored.trim()) return resolveLocale(stored);
  return resolveLocale(accepted || null);
}

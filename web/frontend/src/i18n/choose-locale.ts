/** The languages the admin is written in; anything else is shown in English. */
export const ADMIN_LANGUAGES = ["en", "fr", "de", "es"] as const;
export type AdminLanguage = (typeof ADMIN_LANGUAGES)[number];

/** The admin's locale: `language` picks the catalogs, `formatLocale` (the full tag) formats dates and numbers. */
export type AdminLocale = { language: AdminLanguage; formatLocale: string };

function validTag(tag: string): string | null {
  try {
    return Intl.getCanonicalLocales(tag.replace(/_/g, "-"))[0] ?? null;
  } catch {
    return null;
  }
}

/**
 * Pure: the merchant's locale, from App Bridge's `shopify.config.locale` when there is one (inside the
 * Shopify admin, or the stand-in), else the browser's language. "fr-CA" reads French and formats as
 * Canadian French; a language the admin does not have falls back to English (docs/admin-i18n.md).
 */
export function chooseLocale(
  appBridgeLocale: string | null | undefined,
  browserLocale: string | undefined,
): AdminLocale {
  const tag = validTag(appBridgeLocale || "") ?? validTag(browserLocale || "") ?? "en";
  const base = tag.split("-")[0]!.toLowerCase();
  const language = (ADMIN_LANGUAGES as readonly string[]).includes(base) ? (base as AdminLanguage) : "en";
  return { language, formatLocale: language === base ? tag : "en" };
}

/** The locale of this page: App Bridge's config, else `navigator.language`. */
export function pageLocale(): AdminLocale {
  const shopify = (globalThis as { shopify?: { config?: { locale?: string } } }).shopify;
  return chooseLocale(shopify?.config?.locale, globalThis.navigator?.language);
}

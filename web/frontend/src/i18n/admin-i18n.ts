import type { AppProviderProps } from "@shopify/polaris";
import i18next, { type i18n, type ParseKeys } from "i18next";
import { initReactI18next } from "react-i18next";
import type { AdminLanguage, AdminLocale } from "./choose-locale.ts";
import polarisEn from "@shopify/polaris/locales/en.json" with { type: "json" };
import en from "./locales/en.json" with { type: "json" };

type TranslationDictionary = AppProviderProps["i18n"];

export type AdminCatalog = typeof en;

// English, the fallback, is in the main bundle, so an English admin paints without another request;
// every other language is one chunk of its own, loaded only by a page in it (docs/admin-i18n.md).
const CATALOGS: Record<AdminLanguage, () => Promise<{ default: AdminCatalog }>> = {
  en: () => Promise.resolve({ default: en }),
  fr: () => import("./locales/fr.json"),
  de: () => import("./locales/de.json"),
  es: () => import("./locales/es.json"),
};

const POLARIS: Record<AdminLanguage, () => Promise<{ default: TranslationDictionary }>> = {
  en: () => Promise.resolve({ default: polarisEn }),
  fr: () => import("@shopify/polaris/locales/fr.json"),
  de: () => import("@shopify/polaris/locales/de.json"),
  es: () => import("@shopify/polaris/locales/es.json"),
};

export type AdminTranslations = { i18n: i18n; polaris: TranslationDictionary };

/** The admin's strings and Polaris' own for `locale.language`, ready before the first render. */
export async function loadAdminTranslations(locale: AdminLocale): Promise<AdminTranslations> {
  const [catalog, polaris] = await Promise.all([CATALOGS[locale.language](), POLARIS[locale.language]()]);
  // The global instance: code outside components (the leave confirmation) translates through it too.
  await i18next.use(initReactI18next).init({
    lng: locale.language,
    resources: { [locale.language]: { translation: catalog.default } },
    // React escapes what it renders; i18next must not escape it a second time.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return { i18n: i18next, polaris: polaris.default };
}

/** A key of the catalogs, for tables of labels kept outside components. */
export type AdminKey = ParseKeys;

// The stand-in's own words (its save bar, leave dialog, product picker, toasts) in the admin's
// language, as App Bridge words its own inside the Shopify admin. They are catalog strings
// (`appBridge.*`, and `common.*` for Save, Discard, Cancel, Unsaved changes): docs/admin-i18n.md.
import { chooseLocale, type AdminLanguage } from "../../i18n/choose-locale.ts";
import de from "../../i18n/locales/de.json" with { type: "json" };
import en from "../../i18n/locales/en.json" with { type: "json" };
import es from "../../i18n/locales/es.json" with { type: "json" };
import fr from "../../i18n/locales/fr.json" with { type: "json" };

type Catalog = typeof en;
type Key = keyof Catalog["appBridge"] | "save" | "discard" | "cancel" | "unsavedChanges";
type Base<K> = K extends `${infer B}_${"one" | "other"}` ? B : K;

const CATALOGS: Record<AdminLanguage, Catalog> = { en, fr, de, es };

/** The page's locale as Shopify passes it (`locale`), else the browser's. */
export const standInLocale = new URLSearchParams(window.location.search).get("locale") ?? navigator.language;
const language = chooseLocale(standInLocale, navigator.language).language;

/** A catalog sentence with its `{{name}}` values; `count` picks the plural form. */
export function standInText(key: Base<Key>, values: Record<string, string | number> = {}): string {
  const catalog = CATALOGS[language];
  const words: Record<string, string> = { ...catalog.common, ...catalog.appBridge };
  const plural =
    typeof values.count === "number" ? `${key}_${new Intl.PluralRules(language).select(values.count)}` : key;
  const text = words[plural] ?? words[`${key}_other`] ?? words[key] ?? key;
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, name: string) => String(values[name] ?? ""));
}

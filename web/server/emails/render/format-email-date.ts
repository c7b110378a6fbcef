import { resolveLocale } from "./resolve-locale.ts";
import type { SupportedLocale } from "./resolve-locale.ts";

export type DateStyle = "short" | "long";

// "12 Dec 2026" rather than en-US "Dec 12, 2026": the day-first order reads the same
// across the four languages the copy is written in.
const intlLocale: Record<SupportedLocale, string> = { en: "en-GB", fr: "fr-FR", de: "de-DE", es: "es-ES" };

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(locale: SupportedLocale, style: DateStyle): Intl.DateTimeFormat {
  const key = `${locale}:${style}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    // ETAs are calendar dates with no time zone; formatting in UTC keeps
    // 2026-12-12 from turning into the 11th west of Greenwich.
    formatter = new Intl.DateTimeFormat(intlLocale[locale], {
      day: "numeric",
      month: style === "long" ? "long" : "short",
      year: "numeric",
      timeZone: "UTC",
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

function toDate(value: unknown): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value !== "string" || value.trim() === "") return null;
  const text = value.trim();
  const date = new Date(DATE_ONLY.test(text) ? `${text}T00:00:00Z` : text);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * Formats an ETA (`YYYY-MM-DD`, ISO timestamp or Date) for an email in the given locale,
 * e.g. "12 Dec 2026" / "12 déc. 2026". Returns null for a missing or unparseable date so
 * templates can fall back with `default`.
 */
export function formatEmailDate(value: unknown, locale: string, style: DateStyle = "short"): string | null {
  const date = toDate(value);
  return date ? formatterFor(resolveLocale(locale), style).format(date) : null;
}

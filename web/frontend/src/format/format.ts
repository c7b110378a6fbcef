/**
 * Numbers, money and dates in the admin's locale (the full tag: "fr-CA", "en-GB") and the shop's
 * currency and time zone (GET /api/shop). Pure: everything comes in as parameters; pages get one
 * `Formats` from `useFormats()` (format/use-formats.tsx).
 */
export type FormatSettings = { locale?: string; timeZone?: string | null; currency?: string | null };

export type Formats = {
  locale: string | undefined;
  number(n: number | null | undefined): string;
  percent(n: number | null | undefined): string;
  /** A calendar date (an ETA, YYYY-MM-DD) or a moment shown as its day. */
  date(value: string | null | undefined): string;
  /** A moment, in the shop's time zone. */
  dateTime(value: string | null | undefined): string;
  /** Day and month only (chart axes). */
  dayMonth(value: Date): string;
  /** An amount in `currency`, else the shop's. */
  money(amount: number | null | undefined, currency?: string | null): string;
  /** A language's name ("fr" -> "Français" in French, "French" in English). */
  language(code: string): string;
};

function usableTimeZone(timeZone: string | null | undefined): string | undefined {
  if (!timeZone) return undefined;
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return timeZone;
  } catch {
    return undefined;
  }
}

function usableLocale(locale: string | undefined): string | undefined {
  try {
    return locale ? Intl.getCanonicalLocales(locale)[0] : undefined;
  } catch {
    return undefined;
  }
}

export function createFormats(settings: FormatSettings = {}): Formats {
  const locale = usableLocale(settings.locale);
  const timeZone = usableTimeZone(settings.timeZone);
  const numberFormat = new Intl.NumberFormat(locale);
  const percentFormat = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 });
  // Calendar dates (YYYY-MM-DD) are read and shown in UTC so they never shift by a day.
  const calendarDate = new Intl.DateTimeFormat(locale, {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });
  const momentDate = new Intl.DateTimeFormat(locale, {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone,
  });
  const dateTimeFormat = new Intl.DateTimeFormat(locale, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone,
  });
  const dayMonthFormat = new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", timeZone: "UTC" });
  const languageNames = new Intl.DisplayNames(locale ? [locale] : undefined, { type: "language" });
  const moneyFormats = new Map<string, Intl.NumberFormat>();
  const moneyFormat = (currency: string) => {
    let format = moneyFormats.get(currency);
    if (!format) {
      format = new Intl.NumberFormat(locale, { style: "currency", currency });
      moneyFormats.set(currency, format);
    }
    return format;
  };
  return {
    locale,
    number: (n) => (n == null ? "—" : numberFormat.format(n)),
    percent: (n) => (n == null ? "—" : percentFormat.format(n)),
    date(value) {
      if (!value) return "—";
      const calendar = /^\d{4}-\d{2}-\d{2}$/.test(value);
      const date = new Date(calendar ? `${value}T00:00:00Z` : value);
      if (Number.isNaN(date.getTime())) return value;
      return (calendar ? calendarDate : momentDate).format(date);
    },
    dateTime(value) {
      if (!value) return "—";
      const date = new Date(value);
      return Number.isNaN(date.getTime()) ? value : dateTimeFormat.format(date);
    },
    dayMonth: (value) => dayMonthFormat.format(value),
    money(amount, currency) {
      if (amount == null) return "—";
      const code = currency ?? settings.currency;
      if (!code) return numberFormat.format(amount);
      try {
        return moneyFormat(code).format(amount);
      } catch {
        return `${numberFormat.format(amount)} ${code}`;
      }
    },
    language(code) {
      const name = languageNames.of(code) ?? code;
      return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
    },
  };
}

export function todayIso(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export function isOverdue(eta: string | null | undefined, now = new Date()): boolean {
  return Boolean(eta && eta.slice(0, 10) < todayIso(now));
}

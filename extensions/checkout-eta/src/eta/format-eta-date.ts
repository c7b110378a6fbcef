const FALLBACK_LOCALE = "en";

function isSupportedLocale(locale: string): boolean {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0;
  } catch {
    // supportedLocalesOf throws RangeError on a malformed tag; that is a "no".
    return false;
  }
}

/**
 * Dates follow the buyer's locale (fr-CA writes "12 déc."), but only when the
 * sentence around them is in the same language: an Italian buyer reading English
 * text (no Italian translation) gets an English date rather than a mixed sentence.
 */
export function pickDateLocale(buyerLocale: string, textLocale: string): string {
  const language = (tag: string) => tag.split("-")[0]?.toLowerCase();
  if (buyerLocale && language(buyerLocale) === language(textLocale) && isSupportedLocale(buyerLocale)) {
    return buyerLocale;
  }
  return isSupportedLocale(textLocale) ? textLocale : FALLBACK_LOCALE;
}

/** Today's calendar date "YYYY-MM-DD" where the buyer is (UTC when unknown or invalid). */
export function todayIn(now: Date, timeZone: string | undefined): string {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: timeZone || "UTC",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
  } catch {
    // An unknown zone name throws RangeError; a day's error is better than no notice.
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: "UTC",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
  }
  const parts = Object.fromEntries(format.formatToParts(now).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** An ETA already past is stale, not a promise: show the line as "ships later" with no date. */
export function usableEta(eta: string | undefined, today: string): string | undefined {
  return eta !== undefined && eta >= today ? eta : undefined;
}

/** "2026-12-12" -> "12 Dec" (en-GB), "Dec 12" (en-US), "12 déc." (fr); the year only when not this year. */
export function formatEtaDate(eta: string, locale: string, today: string): string {
  const [year, month, day] = eta.split("-").map(Number) as [number, number, number];
  const sameYear = today.slice(0, 4) === eta.slice(0, 4);
  // The ETA is a calendar date, not an instant: format it in UTC so no zone shifts the day.
  return new Intl.DateTimeFormat(locale, {
    timeZone: "UTC",
    day: "numeric",
    month: "short",
    ...(sameYear ? {} : { year: "numeric" }),
  }).format(new Date(Date.UTC(year, month - 1, day)));
}

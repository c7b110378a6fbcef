/**
 * Calendar dates relative to the real clock, for tests that run the app on real time: a fixed
 * ETA such as 2026-12-15 passes one day, and from then on the app shows "to be confirmed"
 * instead (a past ETA is never shown), so a test that hard-codes one breaks with the calendar.
 */
export interface TestDate {
  /** `YYYY-MM-DD`, as an ETA is stored and sent. */
  iso: string;
  /** How an email prints it in English: "15 Dec 2026" (always with the year). */
  email: string;
  /** How the storefront blocks print it in English: "15 Dec", with the year only when not this year. */
  storefront: string;
}

// The theme's English month names (extensions/backorder-theme/locales/en.default.json); Intl's
// en-GB writes September "Sept", the theme "Sep".
const THEME_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

const emailFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});

function dateFromToday(days: number, now: Date): TestDate {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const date = new Date(today + days * 86_400_000);
  const dayMonth = `${date.getUTCDate()} ${THEME_MONTHS[date.getUTCMonth()]}`;
  return {
    iso: date.toISOString().slice(0, 10),
    email: emailFormat.format(date),
    storefront:
      date.getUTCFullYear() === now.getUTCFullYear() ? dayMonth : `${dayMonth} ${date.getUTCFullYear()}`,
  };
}

/** `YYYY-MM-DD` of the day `days` from today (UTC); 0 is today, negative days are past. */
export function isoDaysFromToday(days: number, now: Date = new Date()): string {
  return dateFromToday(days, now).iso;
}

/** The date `days` (> 0) after today (UTC), far enough ahead to stay future in any shop's zone. */
export function futureDate(days: number, now: Date = new Date()): TestDate {
  if (days < 2) throw new Error("futureDate needs at least 2 days: a shop's zone can be a day ahead of UTC");
  return dateFromToday(days, now);
}

/** The date `days` (> 0) before today (UTC), far enough back to be past in any shop's zone. */
export function pastDate(days: number, now: Date = new Date()): TestDate {
  if (days < 2) throw new Error("pastDate needs at least 2 days: a shop's zone can be a day behind UTC");
  return dateFromToday(-days, now);
}

/** Matches `text` as a whole: "5 Jan 2027" but not inside "25 Jan 2027". */
export function asWord(text: string): RegExp {
  return new RegExp(`(?<![\\w])${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\w])`);
}

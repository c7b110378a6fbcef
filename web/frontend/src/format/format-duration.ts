/**
 * A duration given in hours, in the largest unit that reads naturally: seconds under a minute,
 * minutes under an hour, hours under two days, days beyond ("45 sec", "1 min", "5.5 hr", "3 days").
 * Units and plurals come from Intl, in the browser's language. Pure: the locale is a parameter.
 */
const UNITS = [
  { unit: "second", seconds: 1, below: 59.5 },
  { unit: "minute", seconds: 60, below: 59.5 },
  { unit: "hour", seconds: 3_600, below: 47.95 },
  { unit: "day", seconds: 86_400, below: Infinity },
] as const;

export function formatDuration(hours: number | null | undefined, locale?: string): string {
  if (hours == null || !Number.isFinite(hours)) return "—";
  const seconds = Math.max(0, hours * 3_600);
  for (const { unit, seconds: size, below } of UNITS) {
    const value = seconds / size;
    if (value < below) {
      return new Intl.NumberFormat(locale, {
        style: "unit",
        unit,
        unitDisplay: "short",
        // Whole seconds and minutes; one decimal of an hour or a day says enough.
        maximumFractionDigits: unit === "hour" || unit === "day" ? 1 : 0,
      }).format(value);
    }
  }
  return "—";
}

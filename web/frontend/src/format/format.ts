const numberFormat = new Intl.NumberFormat(undefined);
const percentFormat = new Intl.NumberFormat(undefined, { style: "percent", maximumFractionDigits: 1 });
const dateFormat = new Intl.DateTimeFormat(undefined, {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

export const formatNumber = (n: number | null | undefined) => (n == null ? "—" : numberFormat.format(n));
export const formatPercent = (n: number | null | undefined) => (n == null ? "—" : percentFormat.format(n));

/** ETAs are calendar dates (YYYY-MM-DD): formatted in UTC so they never shift by a day. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return "—";
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  return Number.isNaN(date.getTime()) ? value : dateFormat.format(date);
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return "—";
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : dateTimeFormat.format(date);
}

export function formatMoney(amount: number | null | undefined, currency: string | null | undefined): string {
  if (amount == null) return "—";
  if (!currency) return numberFormat.format(amount);
  return new Intl.NumberFormat(undefined, { style: "currency", currency }).format(amount);
}

export function todayIso(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export function isOverdue(eta: string | null | undefined, now = new Date()): boolean {
  return Boolean(eta && eta.slice(0, 10) < todayIso(now));
}

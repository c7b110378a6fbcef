import { dateFormatFor, rememberZone } from "./timezone-formats.ts";

export type EtaSource = "variant" | "product" | "shop" | "none";

export interface VariantEtaInput {
  /** Explicit date set by the merchant, `YYYY-MM-DD`. */
  etaDate: string | null;
  message: string | null;
}

export interface ResolveEtaInput {
  variantEta?: VariantEtaInput | null;
  productLeadTimeDays?: number | null;
  shopLeadTimeDays?: number | null;
  now: Date;
  /** IANA zone of the shop (`Shop.ianaTimezone`); "today" is the shop's calendar day. Defaults to UTC. */
  timezone?: string;
}

export interface ResolvedEta {
  /** `YYYY-MM-DD`, or null when no rule gives a date. */
  eta: string | null;
  message: string | null;
  source: EtaSource;
  /** The explicit date is before the shop's today: the merchant has not moved it yet. */
  overdue: boolean;
  /** What a shopper may see: never a past date, so null when overdue. */
  shopperEta: string | null;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * An explicit variant date beats the product's lead time, which beats the shop's.
 * Lead times count from the shop's today, so a shop in Tokyo and one in Hawaii can differ by a day.
 * Malformed inputs (an impossible date, a negative or fractional lead time) count as unset, so one bad
 * value falls through to the next rule instead of reaching the storefront.
 * Throws RangeError for an unknown timezone: that is a bug upstream, not a data case.
 */
export function resolveEta(input: ResolveEtaInput): ResolvedEta {
  const today = calendarDate(input.now, input.timezone ?? "UTC");
  const message = normaliseMessage(input.variantEta?.message);

  const explicit = input.variantEta?.etaDate;
  if (explicit != null && isValidIsoDate(explicit)) {
    const overdue = explicit < today;
    return { eta: explicit, message, source: "variant", overdue, shopperEta: overdue ? null : explicit };
  }

  const lead: Array<[EtaSource, number | null | undefined]> = [
    ["product", input.productLeadTimeDays],
    ["shop", input.shopLeadTimeDays],
  ];
  for (const [source, days] of lead) {
    if (isValidLeadTime(days)) {
      const eta = addDays(today, days);
      return { eta, message, source, overdue: false, shopperEta: eta };
    }
  }

  return { eta: null, message, source: "none", overdue: false, shopperEta: null };
}

function normaliseMessage(message: string | null | undefined): string | null {
  const trimmed = message?.trim();
  return trimmed ? trimmed : null;
}

function isValidLeadTime(days: number | null | undefined): days is number {
  return typeof days === "number" && Number.isInteger(days) && days >= 0;
}

export function isValidIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  // Date.UTC rolls 2026-02-30 over to March; a round trip catches it.
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * The calendar date (`YYYY-MM-DD`) of an instant in a timezone. Kept per zone for the minute: every
 * zone's offset is a whole number of minutes, so a date never changes inside one (the storefront ETA
 * read asks on every request; formatToParts costs microseconds and garbage each time).
 */
export function calendarDate(now: Date, timezone: string): string {
  const minute = Math.floor(now.getTime() / 60_000);
  const known = datesThisMinute.get(timezone);
  if (known?.minute === minute) return known.date;
  const date = formatCalendarDate(now, timezone);
  rememberZone(datesThisMinute, timezone, { minute, date });
  return date;
}

const datesThisMinute = new Map<string, { minute: number; date: string }>();

function formatCalendarDate(now: Date, timezone: string): string {
  const parts = dateFormatFor(timezone).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

function addDays(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

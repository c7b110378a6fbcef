// Building an Intl.DateTimeFormat costs tens of microseconds (ICU zone data); the storefront ETA
// read asks for "today in the shop's zone" on every request, so one instance per zone is kept.
// Bounded: the IANA database has ~600 zones, and shop data must not grow the map without limit.
const MAX_ZONES = 1_000;
const formats = new Map<string, Intl.DateTimeFormat>();
const validity = new Map<string, string>();

/** The `YYYY-MM-DD` formatter of a zone; throws RangeError for an unknown zone (never cached). */
export function dateFormatFor(timezone: string): Intl.DateTimeFormat {
  let format = formats.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", {
      timeZone: timezone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    rememberZone(formats, timezone, format);
  }
  return format;
}

/**
 * Shop.timezone may hold Shopify's display name rather than an IANA zone until the shop is synced;
 * resolveEta throws on those, so they count as UTC. The verdict is cached either way.
 */
export function validTimezone(zone: string | null | undefined): string {
  if (!zone) return "UTC";
  let valid = validity.get(zone);
  if (valid === undefined) {
    try {
      dateFormatFor(zone);
      valid = zone;
    } catch {
      valid = "UTC";
    }
    rememberZone(validity, zone, valid);
  }
  return valid;
}

/** Sets a per-zone entry, forgetting the oldest once MAX_ZONES are held. */
export function rememberZone<V>(map: Map<string, V>, key: string, value: V): void {
  if (map.size >= MAX_ZONES) {
    const oldest = map.keys().next().value;
    if (oldest !== undefined) map.delete(oldest);
  }
  map.set(key, value);
}

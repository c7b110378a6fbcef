import ipaddr from "ipaddr.js";
import type { UnsafeUrlReason } from "../../own-field-errors.ts";

/**
 * True for an address anyone on the internet could reach: refuses loopback, private, link-local,
 * carrier-grade NAT, unique-local, multicast, reserved and unspecified ranges, and IPv4 addresses
 * written inside IPv6 (IPv4-mapped ::ffff:a.b.c.d, NAT64 well-known prefix) by their IPv4 range.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress())
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  // Every special range (rfc6052, 6to4, teredo, uniqueLocal, linkLocal, ...) is something else.
  return parsed.range() === "unicast";
}

export class UnsafeDestinationError extends Error {
  /** What the merchant is told beside the field (own-field-errors.ts). */
  readonly reason: UnsafeUrlReason;
  constructor(message: string, reason: UnsafeUrlReason) {
    super(message);
    this.reason = reason;
    this.name = "UnsafeDestinationError";
  }
}

/** Production rules for a webhook URL before any lookup: https only, no credentials in it. */
export function checkWebhookUrl(raw: string, opts: { production: boolean }): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UnsafeDestinationError("not a valid URL", "invalid");
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && !opts.production))
    throw new UnsafeDestinationError("must be an https URL", "https");
  if (url.username || url.password)
    throw new UnsafeDestinationError("must not carry credentials", "credentials");
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (opts.production && ipaddr.isValid(host) && !isPublicAddress(host))
    throw new UnsafeDestinationError("must point to a public address", "private");
  return url;
}

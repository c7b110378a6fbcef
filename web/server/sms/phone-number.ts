import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";

/**
 * A shopper's number in E.164 (+15551234567), or null when it is not a valid number. A number
 * typed without a country code is read in `defaultCountry` (the storefront's country).
 */
export function normalizePhone(input: string, defaultCountry: string | null | undefined): string | null {
  const trimmed = input.trim();
  if (trimmed === "" || trimmed.length > 40) return null;
  const country = /^[A-Z]{2}$/.test(defaultCountry ?? "") ? (defaultCountry as CountryCode) : undefined;
  const parsed = parsePhoneNumberFromString(trimmed, country);
  return parsed && parsed.isValid() ? parsed.number : null;
}

/** "+1 *** *** 4567": a number as the admin lists it (last four digits). */
export function maskPhone(phone: string): string {
  return `${phone.slice(0, Math.min(3, phone.length - 4))}…${phone.slice(-4)}`;
}

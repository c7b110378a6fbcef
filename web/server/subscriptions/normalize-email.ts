import { z } from "zod";

const emailSchema = z.email();

/**
 * Trimmed and lower-cased: one subscription per person and variant whatever case they type.
 * (Local parts are case-sensitive in theory; no mailbox provider in practice treats them so.)
 * Null when it is not a plausible address.
 */
export function normalizeEmail(input: string): string | null {
  const email = input.trim().toLowerCase();
  if (email.length === 0 || email.length > 254) return null;
  return emailSchema.safeParse(email).success ? email : null;
}

import { z } from "zod";

/** Shopify's ids are signed 64-bit integers, stored as PostgreSQL BIGINT: none is above this. */
export const MAX_SHOPIFY_ID = 9_223_372_036_854_775_807n;

/**
 * Digits only and within BIGINT. A longer number names no row of ours, and handed to Prisma it
 * throws instead of matching nothing: input must be refused at the edge (400/422), not reach a query.
 */
export function isShopifyIdText(text: string): boolean {
  return /^\d{1,19}$/.test(text) && BigInt(text) <= MAX_SHOPIFY_ID;
}

/** Within BIGINT, negatives included: a value PostgreSQL can store and Prisma can bind. */
export function fitsBigint(id: bigint): boolean {
  return id <= MAX_SHOPIFY_ID && id >= -MAX_SHOPIFY_ID - 1n;
}

/** A Shopify id in a URL, query or body: digits only, kept as text until turned into a bigint. */
export const shopifyIdSchema = z.string().refine(isShopifyIdText, "must be a numeric Shopify id");

/** An id as bigint, or null when it is none: not an integer, or outside BIGINT (no row can have it). */
export function toBigInt(value: unknown): bigint | null {
  let id: bigint | null = null;
  if (typeof value === "bigint") id = value;
  else if (typeof value === "number" && Number.isSafeInteger(value)) id = BigInt(value);
  else if (typeof value === "string" && /^-?\d{1,20}$/.test(value)) id = BigInt(value);
  return id !== null && fitsBigint(id) ? id : null;
}

import { isInteger, isSafeNumber, parse } from "lossless-json";
import { fitsBigint } from "../../web/server/shopify-id.ts";

/**
 * Shopify ids exceed 2^53, so JSON.parse would corrupt them. Integers that do not fit a double
 * exactly become bigint; everything else parses as usual. Read ids with BigInt(x), which takes both.
 */
export function parseWebhookBody(body: string): unknown {
  return parse(body, null, (text) => {
    if (isInteger(text) && !isSafeNumber(text)) return BigInt(text);
    return Number(text);
  });
}

/** An id as bigint, or null when it is none: not an integer, or outside BIGINT (no row can have it). */
export function toBigInt(value: unknown): bigint | null {
  let id: bigint | null = null;
  if (typeof value === "bigint") id = value;
  else if (typeof value === "number" && Number.isSafeInteger(value)) id = BigInt(value);
  else if (typeof value === "string" && /^-?\d{1,20}$/.test(value)) id = BigInt(value);
  return id !== null && fitsBigint(id) ? id : null;
}

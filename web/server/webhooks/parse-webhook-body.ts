import { isInteger, isSafeNumber, parse } from "lossless-json";

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

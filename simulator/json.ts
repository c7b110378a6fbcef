import { isSafeNumber, parse, stringify } from "lossless-json";

/** JSON with bigints written as raw integers, exactly as Shopify serialises 64-bit ids. */
export function toWireJson(value: unknown): string {
  const text = stringify(value);
  if (text === undefined) throw new TypeError("value is not serialisable");
  return text;
}

/** JSON for the simulator's own console endpoints: bigints become strings so browsers keep every digit. */
export function toConsoleJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
}

/** Parses JSON keeping integers that do not fit a JS number as bigint. */
export function parseLossless(text: string): unknown {
  return parse(text, null, (digits: string) => {
    if (/^-?\d+$/.test(digits) && !isSafeNumber(digits)) return BigInt(digits);
    return Number(digits);
  });
}

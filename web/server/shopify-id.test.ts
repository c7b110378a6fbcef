import { describe, expect, it } from "vitest";
import { isShopifyIdText, MAX_SHOPIFY_ID, shopifyIdSchema, toBigInt } from "./shopify-id.ts";

describe("Shopify ids at the edge", () => {
  it.each([
    ["1", true],
    ["45006872330553", true], // a real-looking variant id above 2^53
    ["9223372036854775807", true], // 2^63 - 1, BIGINT's largest
    ["9223372036854775808", false], // 2^63: Prisma cannot bind it
    ["18446744073709551615", false], // 2^64 - 1, twenty digits
    ["09223372036854775807", false],
    ["-1", false],
    ["", false],
    ["12a", false],
    ["1e3", false],
    [" 12", false],
  ])("%j is an id: %s", (text, ok) => {
    expect(isShopifyIdText(text)).toBe(ok);
    expect(shopifyIdSchema.safeParse(text).success).toBe(ok);
  });

  it("webhook ids outside BIGINT read as no id, so the payload's schema refuses them", () => {
    expect(toBigInt(MAX_SHOPIFY_ID)).toBe(MAX_SHOPIFY_ID);
    expect(toBigInt(MAX_SHOPIFY_ID + 1n)).toBeNull();
    expect(toBigInt("9223372036854775808")).toBeNull();
    expect(toBigInt(-MAX_SHOPIFY_ID - 2n)).toBeNull();
    expect(toBigInt("-5")).toBe(-5n);
    expect(toBigInt(12)).toBe(12n);
  });
});

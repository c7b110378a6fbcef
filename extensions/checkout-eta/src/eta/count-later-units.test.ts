import { describe, expect, it } from "vitest";
import { countLaterUnits, type StockMode } from "./count-later-units.ts";
import type { VariantEta } from "./read-variant-eta.ts";

const backordered: VariantEta = { backordered: true, eta: "2026-12-12", message: undefined };
const inStock: VariantEta = { backordered: false, eta: undefined, message: undefined };
const unknownFlag: VariantEta = { backordered: undefined, eta: "2026-12-12", message: undefined };

describe("countLaterUnits", () => {
  it.each<[string, number, VariantEta | undefined, number | undefined, StockMode, number]>([
    ["unmanaged variant, even with no stock", 3, undefined, 0, "before-order", 0],
    ["backordered flag, stock unknown", 3, backordered, undefined, "before-order", 3],
    ["in-stock flag, stock unknown", 3, inStock, undefined, "before-order", 0],
    ["malformed flag, stock unknown", 3, unknownFlag, undefined, "before-order", 0],
    ["checkout: enough stock beats a stale backordered flag", 3, backordered, 5, "before-order", 0],
    ["checkout: 2 in stock, 3 ordered -> 1 later", 3, inStock, 2, "before-order", 1],
    ["checkout: sold out -> all later", 3, inStock, 0, "before-order", 3],
    ["checkout: deficit -> all later", 3, inStock, -4, "before-order", 3],
    ["checkout: exactly enough", 3, inStock, 3, "before-order", 0],
    ["thank-you: this order made a deficit of 1", 3, inStock, -1, "after-order", 1],
    ["thank-you: deficit larger than the line", 3, inStock, -10, "after-order", 3],
    ["thank-you: still stock left", 3, backordered, 2, "after-order", 0],
    ["order status: stock ignored, flag used", 3, backordered, 50, "metafields-only", 3],
    ["order status: stock ignored, not flagged", 3, inStock, -50, "metafields-only", 0],
    ["zero quantity", 0, backordered, undefined, "before-order", 0],
    ["non-finite stock is unknown", 2, backordered, Number.NaN, "before-order", 2],
  ])("%s", (_, quantity, variant, available, mode, expected) => {
    expect(countLaterUnits(quantity, variant, available, mode)).toBe(expected);
  });
});

// The line notice after the order: thank-you page (purchase.thank-you.cart-line-item.render-after)
// and order status page (customer-account.order-status.cart-line-item.render-after).
import { describe, expect, it } from "vitest";
import { availabilityOf, VARIANT_A, variantMetafields } from "./helpers/fake-api.ts";
import { BACKORDERED_A as backordered, showLineNotice, type LineCase } from "./helpers/show-line-notice.tsx";

describe("thank-you line (purchase.thank-you.cart-line-item.render-after)", () => {
  it.each<[string, LineCase, string[]]>([
    [
      "this order took the last 2 of 3",
      {
        metafields: variantMetafields(VARIANT_A, { eta: "2026-12-12" }),
        availability: availabilityOf({ [VARIANT_A]: -1 }),
      },
      ["Backordered: 1 of 3 ships by Dec 12"],
    ],
    [
      "whole line backordered",
      { metafields: backordered, availability: availabilityOf({ [VARIANT_A]: -7 }) },
      ["Backordered: ships by Dec 12"],
    ],
    [
      "stock left after the order: nothing",
      { metafields: backordered, availability: availabilityOf({ [VARIANT_A]: 0 }) },
      [],
    ],
    [
      "no stock data: the metafield decides",
      { metafields: backordered, locale: "es" },
      ["Pendiente de stock: envío antes del 12 dic"],
    ],
  ])("%s", (_, c, expected) => {
    expect(showLineNotice("after-order", c)).toEqual(expected);
  });
});

describe("order status line (customer-account.order-status.cart-line-item.render-after)", () => {
  it.each<[string, LineCase, string[]]>([
    [
      "backordered metafield",
      { metafields: backordered, locale: "de" },
      ["Nachbestellt: Versand bis 12. Dez."],
    ],
    [
      "boolean metafield value",
      { metafields: variantMetafields(VARIANT_A, { backordered: true }) },
      ["Backordered: ships as soon as it is back in stock"],
    ],
    [
      "live stock is ignored",
      { metafields: backordered, availability: availabilityOf({ [VARIANT_A]: 99 }) },
      ["Backordered: ships by Dec 12"],
    ],
    [
      "pending stock does not hide it",
      { metafields: backordered, availability: availabilityOf({}, [VARIANT_A]) },
      ["Backordered: ships by Dec 12"],
    ],
    ["not backordered: nothing", { metafields: variantMetafields(VARIANT_A, { backordered: "false" }) }, []],
  ])("%s", (_, c, expected) => {
    expect(showLineNotice("metafields-only", c)).toEqual(expected);
  });
});

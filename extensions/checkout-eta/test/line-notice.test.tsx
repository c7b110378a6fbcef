// The checkout line target (purchase.checkout.cart-line-item.render-after), with the
// `shopify` API faked at its boundary.
import { describe, expect, it } from "vitest";
import { LineNotice } from "../src/ui/line-notice.tsx";
import {
  availabilityOf,
  cartLine,
  fakeCartLineApi,
  metafield,
  NO_STOCK_DATA,
  NOW,
  VARIANT_A,
  VARIANT_B,
  variantMetafields,
} from "./helpers/fake-api.ts";
import { findAll, renderTree } from "./helpers/render-tree.ts";
import { BACKORDERED_A as backordered, showLineNotice, type LineCase } from "./helpers/show-line-notice.tsx";

describe("checkout line (purchase.checkout.cart-line-item.render-after)", () => {
  it.each<[string, LineCase, string[]]>([
    ["backordered with an ETA", { metafields: backordered }, ["Backordered: ships by Dec 12"]],
    ["no metafields: nothing", { metafields: [] }, []],
    [
      "metafields of another variant: nothing",
      { metafields: variantMetafields(VARIANT_B, { backordered: "true" }) },
      [],
    ],
    [
      "in stock per metafield: nothing",
      { metafields: variantMetafields(VARIANT_A, { backordered: "false", eta: "2026-12-12" }) },
      [],
    ],
    [
      "malformed ETA: backordered with no date",
      { metafields: variantMetafields(VARIANT_A, { eta: "soon", backordered: "true" }) },
      ["Backordered: ships as soon as it is back in stock"],
    ],
    [
      "malformed flag and no stock data: nothing",
      { metafields: variantMetafields(VARIANT_A, { eta: "2026-12-12", backordered: "1" }) },
      [],
    ],
    [
      "past ETA is not promised",
      { metafields: variantMetafields(VARIANT_A, { eta: "2026-11-01", backordered: "true" }) },
      ["Backordered: ships as soon as it is back in stock"],
    ],
    [
      "merchant message",
      {
        metafields: [
          ...backordered,
          metafield(VARIANT_A, "message", "Hand-made: leaves the workshop by {date}"),
        ],
      },
      ["Hand-made: leaves the workshop by Dec 12"],
    ],
    [
      "settings wording",
      { metafields: backordered, settings: { line_text: "Pre-order · ships {date}" } },
      ["Pre-order · ships Dec 12"],
    ],
    [
      "partial: 2 in stock of 3",
      {
        metafields: variantMetafields(VARIANT_A, { eta: "2026-12-12", backordered: "false" }),
        availability: availabilityOf({ [VARIANT_A]: 2 }),
      },
      ["Backordered: 1 of 3 ships by Dec 12"],
    ],
    [
      "partial with a message",
      {
        metafields: variantMetafields(VARIANT_A, { eta: "2027-01-05", message: "Next batch from Porto" }),
        quantity: 5,
        availability: availabilityOf({ [VARIANT_A]: 1 }),
      },
      ["Backordered: 4 of 5 ship by Jan 5, 2027", "Next batch from Porto"],
    ],
    [
      "live stock covers the line: nothing",
      { metafields: backordered, availability: availabilityOf({ [VARIANT_A]: 10 }) },
      [],
    ],
    [
      "stock still loading: nothing yet",
      { metafields: backordered, availability: availabilityOf({}, [VARIANT_A]) },
      [],
    ],
    [
      "French",
      { metafields: backordered, locale: "fr" },
      ["En réapprovisionnement\u00a0: expédition d’ici le 12 déc."],
    ],
    ["German", { metafields: backordered, locale: "de" }, ["Nachbestellt: Versand bis 12. Dez."]],
    ["Spanish", { metafields: backordered, locale: "es" }, ["Pendiente de stock: envío antes del 12 dic"]],
    [
      "British buyer, English text",
      { metafields: backordered, buyerLocale: "en-GB" },
      ["Backordered: ships by 12 Dec"],
    ],
    [
      "Italian buyer, no Italian text",
      { metafields: backordered, buyerLocale: "it-IT" },
      ["Backordered: ships by Dec 12"],
    ],
    [
      "French partial, plural",
      {
        metafields: variantMetafields(VARIANT_A, { eta: "2026-12-12" }),
        locale: "fr",
        availability: availabilityOf({ [VARIANT_A]: 1 }),
      },
      ["En réapprovisionnement\u00a0: 2 sur 3 expédiés d’ici le 12 déc."],
    ],
    [
      "German partial without a date",
      {
        metafields: variantMetafields(VARIANT_A, { backordered: "false" }),
        locale: "de",
        availability: availabilityOf({ [VARIANT_A]: 0 }),
        quantity: 1,
      },
      ["Nachbestellt: Versand, sobald wieder auf Lager"],
    ],
  ])("%s", (_, c, expected) => {
    expect(showLineNotice("before-order", c)).toEqual(expected);
  });

  it("renders the notice as warning-toned Polaris text", () => {
    const api = fakeCartLineApi(cartLine(VARIANT_A, 1), { metafields: backordered });
    const tree = renderTree(
      <LineNotice api={api} availability={NO_STOCK_DATA} mode="before-order" now={() => NOW} />,
    );
    expect(findAll(tree, "s-stack")).toHaveLength(1);
    expect(findAll(tree, "s-text").map((element) => element.props.tone)).toEqual(["warning"]);
  });
});

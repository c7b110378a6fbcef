import { describe, expect, it } from "vitest";
import type { EtaMetafieldEntry } from "../api/eta-api.ts";
import { parseIsoDate, readVariantEta, type VariantEta } from "./read-variant-eta.ts";
import { metafield, VARIANT_A, VARIANT_B, variantMetafields } from "../../test/helpers/fake-api.ts";

describe("readVariantEta", () => {
  it.each<[string, EtaMetafieldEntry[], VariantEta | undefined]>([
    ["no metafields at all", [], undefined],
    [
      "all three present",
      variantMetafields(VARIANT_A, {
        eta: "2026-12-12",
        message: "From our Lyon workshop",
        backordered: "true",
      }),
      { backordered: true, eta: "2026-12-12", message: "From our Lyon workshop" },
    ],
    [
      "only backordered=false",
      variantMetafields(VARIANT_A, { backordered: "false" }),
      { backordered: false, eta: undefined, message: undefined },
    ],
    [
      "boolean given as a boolean (customer-account surface)",
      variantMetafields(VARIANT_A, { backordered: true }),
      { backordered: true, eta: undefined, message: undefined },
    ],
    ["another variant's metafields", variantMetafields(VARIANT_B, { backordered: "true" }), undefined],
    ["another namespace", [metafield(VARIANT_A, "backordered", "true", "custom")], undefined],
    [
      "a product-level metafield with the variant's id",
      [
        {
          target: { type: "product", id: VARIANT_A },
          metafield: { namespace: "$app", key: "eta", value: "2026-12-12" },
        },
      ],
      undefined,
    ],
    [
      "malformed: impossible date, unknown boolean, blank message",
      variantMetafields(VARIANT_A, { eta: "2026-02-30", backordered: "yes", message: "   " }),
      { backordered: undefined, eta: undefined, message: undefined },
    ],
    [
      "malformed date format, padded values",
      variantMetafields(VARIANT_A, { eta: "12/12/2026", backordered: " TRUE ", message: "  Soon  " }),
      { backordered: true, eta: undefined, message: "Soon" },
    ],
  ])("%s", (_, entries, expected) => {
    expect(readVariantEta(entries, VARIANT_A)).toEqual(expected);
  });
});

describe("parseIsoDate", () => {
  it.each<[string, string | undefined]>([
    ["2026-12-12", "2026-12-12"],
    [" 2027-01-05 ", "2027-01-05"],
    ["2028-02-29", "2028-02-29"],
    ["2027-02-29", undefined],
    ["2026-13-01", undefined],
    ["2026-12-12T00:00:00Z", undefined],
    ["", undefined],
    ["tomorrow", undefined],
  ])("%j -> %j", (input, expected) => {
    expect(parseIsoDate(input)).toBe(expected);
  });
});

import { describe, expect, it } from "vitest";
import { parseOrderPayload } from "./parse-order-payload.ts";

const line = {
  id: 466157049,
  variant_id: 39072856,
  product_id: 632910392,
  title: "Waxed Canvas Jacket",
  variant_title: "S",
  sku: null,
  quantity: 2,
  fulfillable_quantity: 2,
  price: "180.00",
  variant_inventory_management: "shopify",
};
const order = (lineExtra: Record<string, unknown>) => ({
  id: 450789469,
  name: "#1001",
  email: "shopper@example.com",
  created_at: "2026-12-06T10:00:00-05:00",
  line_items: [{ ...line, ...lineExtra }],
});

// The theme's product block adds `properties[Backorder]` to backordered lines; orders/create carries
// it in line_items[].properties. The engine reads none of it: the ETA it promised is its own
// etaAtOrder, so any properties (the shopper's, other apps') leave the parsed order unchanged.
describe("parseOrderPayload with line item properties", () => {
  it.each([
    ["the backorder property", [{ name: "Backorder", value: "Versand bis 15. Jan. 2027" }]],
    [
      "private and empty ones",
      [
        { name: "_bo", value: "" },
        { name: "Gift note", value: "für Oma" },
      ],
    ],
    [
      "odd values other apps send",
      [
        { name: "Count", value: 3 },
        { name: "Empty", value: null },
      ],
    ],
    ["none", []],
  ])("%s: parsed like the same order without them", (_name, properties) => {
    expect(parseOrderPayload(order({ properties }))).toEqual(parseOrderPayload(order({})));
  });
});

const guestOrder = {
  id: 820982911946154508n.toString(),
  created_at: "2026-12-01T10:00:00Z",
  line_items: [],
};

describe("parseOrderPayload: the customer's first name", () => {
  it.each([
    [
      "the customer's",
      { customer: { id: 1, first_name: "John" }, billing_address: { first_name: "Steve" } },
      "John",
    ],
    [
      "the billing address's for a guest",
      { customer: null, billing_address: { first_name: "Steve" } },
      "Steve",
    ],
    [
      "the shipping address's last",
      { customer: { id: 2, first_name: " " }, shipping_address: { first_name: "Ana" } },
      "Ana",
    ],
    [
      "none when every name is blank or redacted",
      { customer: { id: 3, first_name: null }, billing_address: null },
      null,
    ],
  ])("%s", (_case, fields, expected) => {
    expect(parseOrderPayload({ ...guestOrder, ...fields }).customerFirstName).toBe(expected);
  });
});

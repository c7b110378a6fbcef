// The simulator's cart and checkout over HTTP, as a browser without JavaScript would use them:
// bad input answers a clear 4xx and changes nothing; properties reach the order.
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSimulator, type Simulator } from "../create-simulator.ts";
import { createStorefrontRoutes } from "../storefront-routes.ts";
import { addCartLine, parseCartAdd } from "./cart-lines.ts";

describe("parseCartAdd / addCartLine", () => {
  it("reads id, quantity and properties in form order", () => {
    expect(
      parseCartAdd({
        id: "42",
        quantity: "2",
        "properties[Backorder]": "ships by 12 Dec",
        "properties[_x]": "",
      }),
    ).toEqual({
      ok: true,
      line: {
        variantId: "42",
        quantity: 2,
        properties: [
          ["Backorder", "ships by 12 Dec"],
          ["_x", ""],
        ],
      },
    });
  });

  it.each([
    [{}, "Choose a variant."],
    [{ id: "abc" }, "Choose a variant."],
    [{ id: "42", quantity: "0" }, "Quantity must be a whole number from 1 to 10000."],
    [{ id: "42", quantity: "1.5" }, "Quantity must be a whole number from 1 to 10000."],
    [{ id: "42", "properties[Note]": ["a", "b"] }, "Property Note is not a short text."],
  ])("refuses %j", (body, error) => {
    expect(parseCartAdd(body)).toEqual({ ok: false, error });
  });

  it("grows a line with the same properties and keeps a different promise on its own line", () => {
    const a = {
      variantId: "1",
      quantity: 1,
      properties: [["Backorder", "ships by 12 Dec"]] as [string, string][],
    };
    const b = { ...a, properties: [["Backorder", "ships by 20 Dec"]] as [string, string][] };
    const lines = addCartLine(addCartLine(addCartLine([], a), a), b);
    expect(lines.map((l) => [l.quantity, l.properties[0]?.[1]])).toEqual([
      [2, "ships by 12 Dec"],
      [1, "ships by 20 Dec"],
    ]);
  });
});

describe("cart and checkout routes", () => {
  let sim: Simulator;
  let shop: string;
  let variants: { backordered: bigint; soldOut: bigint };

  beforeAll(async () => {
    sim = await createSimulator({
      apiKey: "k",
      apiSecret: "s",
      routes: (s) =>
        express.Router().use(createStorefrontRoutes({ sim: s, apiSecret: "s", appUrl: () => undefined })),
    });
    shop = sim.createShop({ name: "Routes", alternateLocales: ["de"] }).domain;
    const created = sim.createProduct(shop, {
      title: "Jacket",
      variants: [
        { title: "S", price: "10.00", inventoryPolicy: "CONTINUE", inventory: 0 },
        { title: "L", price: "10.00", inventoryPolicy: "DENY", inventory: 0 },
      ],
    });
    const [s, l] = created.variants.map((v) => v.id) as [bigint, bigint];
    variants = { backordered: s, soldOut: l };
  });
  afterAll(() => sim.close());

  const post = (path: string, fields: Record<string, string>, cookie = "") =>
    fetch(`${sim.origin}${path}`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
      body: new URLSearchParams(fields),
    });

  it.each([
    ["/cart/add", { id: "999999" }, 422, "This variant is not for sale."],
    ["/cart/add", { id: "x" }, 422, "Choose a variant."],
    ["/fr/cart/add", { id: "1" }, 404, "Page not found"],
  ])("POST %s %j answers %i", async (path, fields, status, text) => {
    const res = await post(path, fields);
    expect(res.status).toBe(status);
    expect(await res.text()).toContain(text);
  });

  it("refuses a sold-out variant, and a checkout with a bad email, without placing an order", async () => {
    const soldOut = await post("/cart/add", { id: String(variants.soldOut) });
    expect([soldOut.status, await soldOut.text()]).toEqual([
      422,
      expect.stringContaining("Jacket is sold out."),
    ]);

    const added = await post("/de/cart/add", {
      id: String(variants.backordered),
      "properties[Nachbestellung]": "Versand bis 20. Dez.",
    });
    expect([added.status, added.headers.get("location")]).toEqual([302, "/de/cart"]);
    const cookie = (added.headers.get("set-cookie") ?? "").split(";")[0]!;
    const toCheckout = await post("/de/cart", { checkout: "" }, cookie);
    const checkoutPath = toCheckout.headers.get("location") ?? "";
    expect(checkoutPath).toMatch(/^\/checkouts\/cn\/[a-f0-9]{32}\?locale=de$/);
    const action = checkoutPath.split("?")[0]!;

    const bad = await post(action, { email: "not-an-email" });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain("Enter a valid email address.");
    expect(sim.listOrders(shop)).toEqual([]);

    const paid = await post(action, { email: "kunde@example.de" });
    expect([paid.status, paid.headers.get("location")]).toEqual([302, `${action}/thank-you`]);
    const [order] = sim.listOrders(shop);
    expect(order).toMatchObject({ locale: "de", email: "kunde@example.de" });
    expect(order!.lineItems[0]!.properties).toEqual([
      { name: "Nachbestellung", value: "Versand bis 20. Dez." },
    ]);
    // Paying twice does not place a second order.
    expect((await post(action, { email: "kunde@example.de" })).status).toBe(302);
    expect(sim.listOrders(shop)).toHaveLength(1);
  });

  it("placeOrder refuses properties that are not name/value strings", () => {
    expect(() =>
      sim.placeOrder(shop, {
        email: "a@example.com",
        lines: [
          { variantId: variants.backordered, quantity: 1, properties: [{ name: "x", value: 1 as never }] },
        ],
      }),
    ).toThrow("properties must be a list of { name, value } strings");
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProductsResponse } from "../../web/contract/api-responses.ts";
import { startAdminApp, type AdminTestApp } from "./helpers/start-admin-app.ts";

const SHOP_A = "picker-a.myshopify.com";
const SHOP_B = "picker-b.myshopify.com";
// Above 2^53, as real product ids are.
const HOODIE = 9007199254741001n;
const CAP = 9007199254741003n;
const GONE = 9007199254741005n;

describe("the products the resource picker and the alternatives list name", () => {
  let app: AdminTestApp;

  beforeAll(async () => {
    app = await startAdminApp();
    const a = await app.installShop(SHOP_A);
    const b = await app.installShop(SHOP_B);
    await app.deps.db.product.createMany({
      data: [
        { shopId: a, productId: HOODIE, title: "Merino Trail Hoodie", handle: "merino-trail-hoodie" },
        { shopId: a, productId: CAP, title: "Waxed Canvas Cap", handle: "waxed-canvas-cap" },
        { shopId: a, productId: GONE, title: "Retired Hoodie", deletedAt: new Date() },
        { shopId: b, productId: 42n, title: "Shop B Hoodie" },
      ],
    });
  }, 120_000);
  afterAll(() => app?.close());

  const products = async (path: string) =>
    ((await (await app.api(SHOP_A, path)).json()) as ProductsResponse).products;

  it("names the shop's own live products by id, exact above 2^53", async () => {
    const found = await products(`/products?ids=${CAP},${HOODIE},${GONE},42`);
    expect(found.map((p) => [p.id, p.title])).toEqual([
      [HOODIE.toString(), "Merino Trail Hoodie"],
      [CAP.toString(), "Waxed Canvas Cap"],
    ]);
  });

  it("searches titles case-insensitively, within the shop", async () => {
    expect((await products("/products?query=hoodie")).map((p) => p.title)).toEqual(["Merino Trail Hoodie"]);
    expect((await products("/products")).map((p) => p.title)).toEqual([
      "Merino Trail Hoodie",
      "Waxed Canvas Cap",
    ]);
  });

  it("refuses ids that are not numeric Shopify ids with a 400", async () => {
    for (const ids of ["abc", "1,,2", "99999999999999999999"]) {
      const res = await app.api(SHOP_A, `/products?ids=${ids}`);
      expect([ids, res.status]).toEqual([ids, 400]);
    }
  });

  it("lists the same catalog to the App Bridge stand-in in tests, and nothing for an unknown shop", async () => {
    const res = await fetch(`${app.url}/dev/products?shop=${SHOP_A}&query=cap`);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = (await res.json()) as ProductsResponse;
    expect(body.products.map((p) => [p.id, p.title, p.handle])).toEqual([
      [CAP.toString(), "Waxed Canvas Cap", "waxed-canvas-cap"],
    ]);
    expect((await fetch(`${app.url}/dev/products?shop=nobody.myshopify.com`)).status).toBe(404);
    expect((await fetch(`${app.url}/dev/products?shop=evil.com`)).status).toBe(404);
  });
});

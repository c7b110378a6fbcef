import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DemandResponse } from "../../web/contract/api-responses.ts";
import { startAdminApp, type AdminTestApp } from "./helpers/start-admin-app.ts";

const SHOP = "demand-a.myshopify.com";
const OTHER = "demand-b.myshopify.com";
// Above 2^53, as real ids are; both shops use the same ids on purpose.
const JACKET = 9007199254770001n;
const BOOTS = 9007199254770003n;
const V = {
  jacketRed: 9007199254771001n, // 3 waiting, in stock: send now possible
  jacketBlue: 9007199254771003n, // 2 waiting, sold out
  bootsBrown: 9007199254771005n, // 1 pending only: nobody confirmed yet
  bootsBlack: 9007199254771007n, // everyone alerted at a restock: history only
  bootsTan: 9007199254771009n, // 1 waiting, untracked inventory (always sellable)
};
const T0 = Date.parse("2026-11-01T10:00:00Z");
const at = (minutes: number) => new Date(T0 + minutes * 60_000);

type Status = "PENDING" | "ACTIVE" | "NOTIFIED";
const SUBS: [bigint, string, Status, number | null][] = [
  [V.jacketRed, "ana", "ACTIVE", null],
  [V.jacketRed, "ben", "ACTIVE", null],
  [V.jacketRed, "cy", "ACTIVE", null],
  [V.jacketRed, "dee", "NOTIFIED", 30],
  [V.jacketBlue, "eli", "ACTIVE", null],
  [V.jacketBlue, "fay", "ACTIVE", null],
  [V.bootsBrown, "gus", "PENDING", null],
  [V.bootsBlack, "hal", "NOTIFIED", 90],
  [V.bootsBlack, "ida", "NOTIFIED", 90],
  [V.bootsTan, "jo", "ACTIVE", null],
];

async function seed(app: AdminTestApp, shopId: string, prefix: string) {
  const db = app.deps.db;
  await db.shopSettings.update({ where: { shopId }, data: { restockThreshold: 2 } });
  await db.product.createMany({
    data: [
      { shopId, productId: JACKET, title: `${prefix} Storm Jacket` },
      { shopId, productId: BOOTS, title: `${prefix} Trail Boots` },
    ],
  });
  // [variant, product, title, available, tracked]
  const variants: [bigint, bigint, string, number, boolean][] = [
    [V.jacketRed, JACKET, "Red", 5, true],
    [V.jacketBlue, JACKET, "Blue", 0, true],
    [V.bootsBrown, BOOTS, "Brown", 7, true],
    [V.bootsBlack, BOOTS, "Black", 4, true],
    [V.bootsTan, BOOTS, "Tan", -1, false],
  ];
  await db.variant.createMany({
    data: variants.map(([variantId, productId, title, available, tracked]) => ({
      ...{ shopId, variantId, productId, title, available, tracked },
      sku: `${prefix}-${title}`.toUpperCase(),
    })),
  });
  await db.subscription.createMany({
    data: SUBS.map(([variantId, name, status, notifiedMinute], i) => ({
      shopId,
      variantId,
      email: `${prefix}-${name}@example.com`,
      status,
      activeKey: status === "NOTIFIED" ? null : `${variantId}:${prefix}-${name}`,
      confirmToken: `${prefix}-c-${name}`,
      unsubscribeToken: `${prefix}-u-${name}`,
      createdAt: at(i),
      notifiedAt: notifiedMinute === null ? null : at(notifiedMinute),
    })),
  });
}

describe("GET /api/subscriptions/demand: search, views, sorts and cursor pages", () => {
  let app: AdminTestApp;

  beforeAll(async () => {
    app = await startAdminApp();
    await seed(app, await app.installShop(SHOP), "a");
    await seed(app, await app.installShop(OTHER), "b");
  }, 120_000);
  afterAll(() => app?.close());

  const demand = async (query: string) => {
    const res = await app.api(SHOP, `/subscriptions/demand${query}`);
    expect([query, res.status]).toEqual([query, 200]);
    return (await res.json()) as DemandResponse;
  };
  const ids = (body: DemandResponse) => body.variants.map((v) => BigInt(v.variantId));

  /** Every page of a listing, following nextCursor. */
  async function allPages(query: string): Promise<bigint[]> {
    const seen: bigint[] = [];
    let cursor: string | null = null;
    for (let guard = 0; guard < 10; guard++) {
      const body: DemandResponse = await demand(`${query}&limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      expect(body.variants.length).toBeLessThanOrEqual(2);
      seen.push(...ids(body));
      cursor = body.nextCursor;
      if (!cursor) return seen;
    }
    throw new Error("pages never ended");
  }

  it("lists who waits, most first, with counts, stock and why send-now is unavailable", async () => {
    const body = await demand("");
    expect(
      body.variants.map((v) => [
        BigInt(v.variantId),
        v.waiting,
        v.pending,
        v.notified,
        v.available,
        v.sendNowBlocked,
      ]),
    ).toEqual([
      [V.jacketRed, 3, 0, 1, 5, null],
      [V.jacketBlue, 2, 0, 0, 0, "not_in_stock"],
      [V.bootsTan, 1, 0, 0, -1, null],
      [V.bootsBrown, 0, 1, 0, 7, "nobody_waiting"],
    ]);
    expect(body.nextCursor).toBeNull();
    expect(JSON.stringify(body)).not.toContain("b-");
  });

  it("keeps a variant whose subscribers were all alerted findable in the Notified view, newest alert first", async () => {
    const notified = await demand("?view=notified&sort=recent");
    expect(notified.variants.map((v) => [BigInt(v.variantId), v.notified, v.lastNotifiedAt])).toEqual([
      [V.bootsBlack, 2, at(90).toISOString()],
      [V.jacketRed, 1, at(30).toISOString()],
    ]);
    expect(ids(await demand("?view=all&sort=product"))).toEqual([
      V.jacketBlue,
      V.jacketRed,
      V.bootsBlack,
      V.bootsBrown,
      V.bootsTan,
    ]);
  });

  it("searches product and variant titles, SKUs and subscriber emails, case-insensitively, in this shop only", async () => {
    expect(ids(await demand("?view=all&query=boots"))).toEqual([V.bootsTan, V.bootsBrown, V.bootsBlack]);
    expect(ids(await demand("?view=all&query=A-STORM%20JACKET%20"))).toEqual([]);
    expect(ids(await demand("?view=all&query=JACKET"))).toEqual([V.jacketRed, V.jacketBlue]);
    expect(ids(await demand("?view=all&query=a-red"))).toEqual([V.jacketRed]);
    // An alerted shopper's email finds the variant they were alerted for.
    expect(ids(await demand("?view=all&query=A-HAL@EXAMPLE"))).toEqual([V.bootsBlack]);
    expect(ids(await demand("?view=all&query=b-hal"))).toEqual([]);
    // LIKE's wildcards are plain characters.
    expect(ids(await demand("?view=all&query=%25"))).toEqual([]);
  });

  it("pages by cursor without losing or repeating a row, in every sort", async () => {
    expect(await allPages("?view=all&sort=waiting")).toEqual([
      V.jacketRed,
      V.jacketBlue,
      V.bootsTan,
      // Ties (0 waiting) by variant id.
      V.bootsBrown,
      V.bootsBlack,
    ]);
    expect(await allPages("?view=all&sort=recent")).toEqual([
      V.bootsBlack,
      V.jacketRed,
      V.jacketBlue,
      V.bootsBrown,
      V.bootsTan,
    ]);
    expect(await allPages("?view=all&sort=product")).toEqual(ids(await demand("?view=all&sort=product")));
  });

  it.each([
    ["a cursor that does not decode", "?cursor=bm9wZQ"],
    ["a cursor of another sort", "CURSOR_OF_WAITING&sort=product"],
    ["an unknown view", "?view=archived"],
    ["an unknown sort", "?sort=email"],
    ["a limit above 100", "?limit=500"],
  ])("answers 400 for %s", async (_what, query) => {
    let path = query;
    if (query.startsWith("CURSOR_OF_WAITING")) {
      const first = await demand("?view=all&limit=1");
      path = `?view=all&cursor=${first.nextCursor}${query.slice("CURSOR_OF_WAITING".length)}`;
    }
    expect((await app.api(SHOP, `/subscriptions/demand${path}`)).status).toBe(400);
  });
});

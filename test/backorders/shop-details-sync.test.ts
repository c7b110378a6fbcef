import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBackorderFixture, type BackorderFixture } from "./backorder-fixture.ts";

describe("initial sync", () => {
  let f: BackorderFixture;
  beforeAll(async () => {
    f = await startBackorderFixture();
  }, 60_000);
  afterAll(() => f?.close());

  it("stores the shop's name, currency, timezone and locations for emails, ETAs and settings", async () => {
    const shop = await f.addShop();
    await f.app.deps.db.shop.update({ where: { id: shop.id }, data: { name: null, timezone: null } });
    await f.sync(shop);
    const simShop = f.sim.getShop(shop.domain)!;
    const row = await f.app.deps.db.shop.findUniqueOrThrow({ where: { id: shop.id } });
    expect(row).toMatchObject({
      name: simShop.name,
      currency: simShop.currency,
      timezone: simShop.ianaTimezone,
    });
    const locations = await f.app.deps.db.location.findMany({
      where: { shopId: shop.id },
      orderBy: { name: "asc" },
    });
    expect(locations.map((l) => l.locationId).sort()).toEqual([...simShop.locationIds].sort());
    expect(locations.every((l) => l.active && l.name)).toBe(true);
  }, 60_000);
});

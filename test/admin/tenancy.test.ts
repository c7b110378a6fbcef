import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiRoutes } from "../../web/server/api/api-routes.ts";
import { startAdminApp, type AdminTestApp } from "./helpers/start-admin-app.ts";
import { listRoutes } from "./helpers/list-api-routes.ts";
import {
  BODIES,
  CANARY,
  fill,
  GENERIC,
  seedShopA,
  SHOP_A,
  SHOP_B,
  snapshotA,
} from "./helpers/tenant-a-fixture.ts";

describe("tenant isolation of /api", () => {
  let app: AdminTestApp;
  let shopA: string;
  let routes: { method: string; path: string }[];
  beforeAll(async () => {
    app = await startAdminApp();
    shopA = await app.installShop(SHOP_A);
    await app.installShop(SHOP_B);
    await seedShopA(app, shopA);
    routes = listRoutes(apiRoutes(app.deps));
  });
  afterAll(() => app?.close());

  const send = (
    domain: string | null,
    route: { method: string; path: string },
    override?: { body?: unknown; raw?: string },
  ) => {
    const spec =
      override ??
      BODIES[`${route.method} ${route.path}`] ??
      (route.method === "GET" || route.method === "DELETE" ? {} : { body: GENERIC });
    if (domain === null) return fetch(`${app.url}/api${fill(route.path)}`, { method: route.method });
    return app.api(domain, fill(route.path), { method: route.method, ...spec });
  };

  it("finds every route of the admin API", () => {
    const names = routes.map((r) => `${r.method} ${r.path}`);
    for (const mine of [
      "GET /settings",
      "PUT /settings",
      "GET /locations",
      "GET /emails/templates",
      "PUT /emails/templates/:kind/:locale",
      "DELETE /emails/templates/:kind/:locale",
      "POST /emails/preview",
      "POST /emails/test-send",
      "GET /activity",
      "GET /activity/alerts",
      "GET /subscriptions/demand",
      "GET /subscriptions/variants/:variantId/subscribers",
      "POST /subscriptions/variants/:variantId/send-now",
      "GET /subscriptions/export.csv",
      "GET /subscriptions/purchasing.csv",
      "GET /controls/variants/:variantId",
      "PUT /controls/variants/:variantId",
      "GET /controls/cancel-requests",
      "PATCH /controls/cancel-requests/:id",
      "POST /backorders/bulk/resend-email",
      "POST /backorders/bulk/request-cancellation",
      "GET /saved-views/:list",
      "POST /saved-views/:list",
      "PATCH /saved-views/:list/:viewId",
      "DELETE /saved-views/:list/:viewId",
    ]) {
      expect(names).toContain(mine);
    }
  });

  it("refuses every route without a token", async () => {
    for (const route of routes) {
      expect([route.method, route.path, (await send(null, route)).status]).toEqual([
        route.method,
        route.path,
        401,
      ]);
    }
  });

  it("refuses a token of shop A signed with another secret, on every route", async () => {
    const forged = await app.token(SHOP_A, { secret: "not-the-app-secret" });
    for (const route of routes) {
      const res = await fetch(`${app.url}/api${fill(route.path)}`, {
        method: route.method,
        headers: { Authorization: `Bearer ${forged}` },
      });
      expect([route.path, res.status]).toEqual([route.path, 401]);
    }
  });

  it("never shows shop A's data to shop B and never lets B change it, on every route", async () => {
    const before = await snapshotA(app, shopA);
    for (const route of routes) {
      for (const attempt of [undefined, { body: GENERIC }]) {
        if (attempt && (route.method === "GET" || route.method === "DELETE")) continue;
        const res = await send(SHOP_B, route, attempt);
        const text = await res.text();
        expect({ route: `${route.method} ${route.path}`, status: res.status < 500 }).toEqual({
          route: `${route.method} ${route.path}`,
          status: true,
        });
        expect({ route: `${route.method} ${route.path}`, leak: CANARY.exec(text)?.[0] ?? null }).toEqual({
          route: `${route.method} ${route.path}`,
          leak: null,
        });
      }
    }
    expect(await snapshotA(app, shopA)).toEqual(before);
  });

  it("shows shop A its own data (the canaries are detectable)", async () => {
    const seen = [];
    for (const route of routes.filter((r) => r.method === "GET")) {
      const text = await (await send(SHOP_A, route)).text();
      if (CANARY.test(text)) seen.push(route.path);
    }
    for (const path of [
      "/settings",
      "/locations",
      "/emails/templates/:kind/:locale",
      "/activity",
      "/backorders",
      "/subscriptions/demand",
      "/subscriptions/variants/:variantId/subscribers",
      "/subscriptions/export.csv",
      "/subscriptions/purchasing.csv",
      "/controls/cancel-requests",
      "/saved-views/:list",
    ]) {
      expect(seen).toContain(path);
    }
  });
});
